# The service image. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Inside a container the service must listen on all interfaces, not only loopback.
ENV Kestrel__Endpoints__Rest__Url=http://0.0.0.0:8080 \
    Kestrel__Endpoints__Grpc__Url=http://0.0.0.0:8081
# The youngest GC generation's budget, as scripts/lib/service.sh sets it: not sized from the L3 cache the host reports.
ENV DOTNET_GCgen0size=0x800000
EXPOSE 8080 8081
USER app
ENTRYPOINT ["dotnet", "SciaticaService.Api.dll"]

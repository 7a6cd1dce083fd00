using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SciaticaService.Domain.Errors;
using SciaticaService.Domain.Feed;
using SciaticaService.Domain.Identity;

namespace SciaticaService.Domain.Privacy;

/// <summary>A person's rights over their data: take it with them, see who touched it, have it erased.</summary>
public sealed class DataRightsService(IPersonalDataStore store, IAccessLog accessLog, Routines.ProgressService progress, TimeProvider clock)
{
    public const int MaxAccessLogPage = 200;

    /// <summary>Everything held about the caller's person (a partner names its member).</summary>
    public async Task<PersonalData> ExportAsync(Caller caller, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var data = await store.ReadAsync(person, cancellationToken);
        if (!data.IsEmpty)
        {
            // Progress over everything held, as far back as a progress report reaches.
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var first = data.Assessments.Select(a => a.CreatedAt).Concat(data.Routines.Select(r => r.CreatedAt)).Concat(data.Sessions.Select(s => s.CompletedAt)).Select(at => DateOnly.FromDateTime(at.UtcDateTime)).DefaultIfEmpty(today).Min();
            var from = new[] { first, today.AddDays(-(Routines.ProgressService.MaxDays - 1)) }.Max();
            data = data with { Progress = await progress.GetAsync(caller, from < today ? from : today, today, cancellationToken) };
        }

        if (AccessEntry.For(caller, AccessActions.Export, AccessActions.AllData, StoredMoment.Now(clock)) is { } entry)
        {
            accessLog.Record(entry);
        }

        return data;
    }

    /// <summary>A page of the caller's access log, newest first, and the cursor of the next page (null after the last).</summary>
    public async Task<(IReadOnlyList<LoggedAccess> Entries, string? Next)> ListAccessAsync(
        Caller caller, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        long? before = string.IsNullOrEmpty(cursor) ? null
            : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
            : throw ValidationException.Query("cursor", "Not a cursor this service gave out.");
        var size = limit ?? 50;
        if (size is < 1 or > MaxAccessLogPage)
        {
            throw ValidationException.Query("limit", $"From 1 to {MaxAccessLogPage}.");
        }

        var entries = await accessLog.ListAsync(person, before, size, cancellationToken);
        return (entries, entries.Count == size ? entries[^1].Id.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Erases the caller's person. Erasing someone with nothing left is not an error: the call can be repeated.</summary>
    public Task EraseAsync(Caller caller, CancellationToken cancellationToken)
    {
        var person = Persons.Of(caller);
        var erasedBy = caller.Kind == CallerKind.Partner ? caller.Subject : "self";
        return EraseAsync(person, erasedBy, cancellationToken);
    }

    /// <summary>An admin erases a person named by id (<c>user:…</c> or <c>member:…</c>).</summary>
    public Task EraseAsAdminAsync(Caller admin, string? personId, CancellationToken cancellationToken)
    {
        if (!PersonId.TryParse(personId, out var person))
        {
            throw new ValidationException("personId", "A person id as the service gives it out: \"user:\" and a subject, or \"member:\", a partner id (32 hex digits), \":\" and a member id.");
        }

        return EraseAsync(person, admin.Subject, cancellationToken);
    }

    /// <summary>Erases a person whose data has lain unused; see <see cref="RetentionService"/>.</summary>
    internal Task<bool> EraseInactiveAsync(PersonId person, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        EraseAsync(person, RetentionService.ErasedBy, cancellationToken, cutoff);

    private Task<bool> EraseAsync(PersonId person, string erasedBy, CancellationToken cancellationToken, DateTimeOffset? unlessActiveSince = null)
    {
        var at = StoredMoment.Now(clock);
        var memberErased = person.Member is var (partnerId, memberId) ? new PartnerEvent(partnerId, 0, PartnerEvent.MemberErased, memberId, Guid.Empty, at) : null;
        return store.EraseAsync(new PersonErasure(person, erasedBy, at, AuditTarget(person), memberErased, unlessActiveSince), cancellationToken);
    }

    /// <summary>
    /// What the audit log names an erased person by: a digest of their id, so that whether someone was erased can be
    /// checked by anyone who knows the id, while the log itself names nobody.
    /// </summary>
    public static string AuditTarget(PersonId person) =>
        "person:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person.Value)));
}

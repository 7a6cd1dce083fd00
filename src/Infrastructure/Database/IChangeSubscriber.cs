namespace SciaticaService.Infrastructure.Database;

/// <summary>A cache kept true across replicas by PostgreSQL notifications on its <see cref="Channel"/> (see <see cref="ChangeListener"/>).</summary>
public interface IChangeSubscriber
{
    /// <summary>The notification channel; writers send <c>pg_notify</c> on it inside their transaction.</summary>
    string Channel { get; }

    /// <summary>A change committed somewhere; <paramref name="payload"/> is what the writer sent with it.</summary>
    void Changed(string payload);

    /// <summary>Notifications reach this replica from now on; whatever changed before is unknown.</summary>
    void ListeningStarted();

    /// <summary>Notifications may no longer reach this replica.</summary>
    void ListeningStopped();
}

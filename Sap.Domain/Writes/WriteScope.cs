using System.Text.Json;
using Sap.Domain.Auditoria;
using Sap.Domain.Data;
using Sap.Domain.Events;
using Sap.Domain.Outbox;

namespace Sap.Domain.Writes;

/// <summary>One write's unit of work: the context inside its transaction, the clock reading, and the record of what happened.</summary>
public sealed class WriteScope
{
    private readonly WriteRequest request;
    private readonly List<CloudEvent> events = [];

    internal WriteScope(SapDbContext db, WriteRequest request, DateTime now)
    {
        Db = db;
        this.request = request;
        Now = now;
    }

    public SapDbContext Db { get; }

    public DateTime Now { get; }

    public string Subject => request.Subject;

    /// <summary>
    /// Records the change: an audit row (who, what, when, request id, details) and its event in the outbox, both
    /// committed with the change. Call after the change is saved, so that new ids are known.
    /// </summary>
    public void Record(string eventType, string modulo, string titulo, long entityId, string aggregate, EventData data, object? details = null)
    {
        var eventId = Guid.NewGuid();
        // Inside the write's request: the queue function's handling of this event joins the request's trace (ADR 10).
        var (traceparent, tracestate) = EventTrace.Current();
        var cloudEvent = new CloudEvent(CloudEvent.Version10, eventId.ToString(), CloudEvent.SapSource, eventType, Now,
            CloudEvent.JsonContent, request.RequestId, data) { Traceparent = traceparent, Tracestate = tracestate };
        var audit = new LogAtividade
        {
            DataHora = Now,
            Usuario = request.Subject,
            TipoAtividade = eventType,
            Modulo = modulo,
            Titulo = titulo,
            EntidadeId = entityId,
            RequestId = request.RequestId,
            DadosExtras = JsonSerializer.Serialize(new { evento = eventId, dados = data, detalhes = details }, EventJson.Options),
        };
        var message = new OutboxMessage
        {
            EventId = eventId,
            Tipo = eventType,
            Agregado = aggregate,
            OcorridoEm = Now,
            RequestId = request.RequestId,
            Payload = EventJson.Serialize(cloudEvent),
        };
        events.Add(cloudEvent);
        Db.LogAtividades.Add(audit);
        Db.Outbox.Add(message);
    }

    internal IReadOnlyList<CloudEvent> Events => events;
}

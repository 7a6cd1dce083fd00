using System.Reflection;

namespace SciaticaService.Domain.Errors;

/// <summary>
/// Every error code the service can answer with, over REST (ProblemDetails <c>code</c>, <c>type</c>
/// <c>urn:sciatica:error:&lt;code&gt;</c>) and gRPC (<c>error-code</c> trailer, <c>ErrorInfo.reason</c>). Clients branch on
/// these, so a code is never renamed or reused. The OpenAPI enum and the README's error table are checked against
/// this list, and the list against the codes the source passes to its exceptions (ErrorCodeRegistryTests).
/// Program.cs answers a bodiless error status no code covers with <c>http_&lt;status&gt;</c>: a safety net, not a
/// contract; the contract test fails on any such response it meets (it found 415, now <c>unsupported_media_type</c>).
/// </summary>
public static class ErrorCodes
{
    // 400, gRPC INVALID_ARGUMENT

    /// <summary>400: a content filter (condition, safeFor, muscle, bias, maxDifficulty) is unknown or malformed.</summary>
    public const string InvalidFilter = "invalid_filter";

    /// <summary>400: an admin import or edit breaks a content rule; every problem is listed by path.</summary>
    public const string InvalidContent = "invalid_content";

    /// <summary>400: a query parameter (a date, a limit, a cursor) is malformed.</summary>
    public const string InvalidQuery = "invalid_query";

    /// <summary>400: assessment answers with unknown codes, wrong types, values out of range or required items missing.</summary>
    public const string InvalidAnswers = "invalid_answers";

    /// <summary>400: a session report breaks a session rule (times, pains, items, new symptoms); every problem is listed.</summary>
    public const string InvalidSession = "invalid_session";

    /// <summary>400: a clinician's clearance without who saw the person, or with a visit date in the future or before the assessment.</summary>
    public const string InvalidClearance = "invalid_clearance";

    /// <summary>400 (413 when the server cuts off a body without a declared length): the body is malformed JSON, has unknown or repeated fields, or lacks a required one.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>400: any other invalid input, listed by field in <c>errors</c>.</summary>
    public const string ValidationFailed = "validation_failed";

    // 401 and 403

    /// <summary>401: no credential, or a bearer token or API key that is not valid.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>403: a valid caller without the right to do this.</summary>
    public const string Forbidden = "forbidden";

    // 404, gRPC NOT_FOUND

    /// <summary>404: no published condition with that slug.</summary>
    public const string ConditionNotFound = "condition_not_found";

    /// <summary>404: no published imbalance with that slug.</summary>
    public const string ImbalanceNotFound = "imbalance_not_found";

    /// <summary>404: no published stretch with that slug.</summary>
    public const string StretchNotFound = "stretch_not_found";

    /// <summary>404: no published routine template with that slug.</summary>
    public const string RoutineTemplateNotFound = "routine_template_not_found";

    /// <summary>404: no published lesson with that slug.</summary>
    public const string LessonNotFound = "lesson_not_found";

    /// <summary>404: no partner with that id.</summary>
    public const string PartnerNotFound = "partner_not_found";

    /// <summary>404: no assessment of the caller's with that id.</summary>
    public const string AssessmentNotFound = "assessment_not_found";

    /// <summary>404: the questionnaire (or the version an assessment used) is not there.</summary>
    public const string QuestionnaireNotFound = "questionnaire_not_found";

    /// <summary>404: no routine of the caller's with that id, or no current routine yet.</summary>
    public const string RoutineNotFound = "routine_not_found";

    /// <summary>404: no session of the caller's with that id.</summary>
    public const string SessionNotFound = "session_not_found";

    /// <summary>404: no clearance of the caller's with that id.</summary>
    public const string ClearanceNotFound = "clearance_not_found";

    /// <summary>404: no endpoint at that path.</summary>
    public const string RouteNotFound = "route_not_found";

    // 405, 406, 415 (REST only)

    /// <summary>405: the path exists, the method does not.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>406: the <c>Accept</c> header names no media type the endpoint can send.</summary>
    public const string NotAcceptable = "not_acceptable";

    /// <summary>415: the body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    // 409, gRPC ABORTED

    /// <summary>409: an admin create for a slug that exists already.</summary>
    public const string ContentExists = "content_exists";

    /// <summary>409: a delete or prune of content that something still refers to.</summary>
    public const string ContentInUse = "content_in_use";

    /// <summary>409: an assessment id resent with different answers.</summary>
    public const string AssessmentIdConflict = "assessment_id_conflict";

    /// <summary>409: a session id resent with different details.</summary>
    public const string SessionConflict = "session_conflict";

    /// <summary>409: an idempotency key resent with a different routine change.</summary>
    public const string IdempotencyKeyConflict = "idempotency_key_conflict";

    /// <summary>409: a clearance id resent with different details.</summary>
    public const string ClearanceConflict = "clearance_conflict";

    /// <summary>409: the routine changed while this change was being made; read it again and retry.</summary>
    public const string RoutineChangedConcurrently = "routine_changed_concurrently";

    // 409, gRPC FAILED_PRECONDITION: valid, but not allowed in the current state

    /// <summary>409: no routine after an emergency or urgent triage; the advice says what to do instead.</summary>
    public const string RoutineNotAllowed = "routine_not_allowed";

    /// <summary>409: a red flag (an earlier assessment, or a session's new symptom) holds routines until a clinician's clearance is recorded.</summary>
    public const string ClearanceRequired = "clearance_required";

    /// <summary>409: the routine version is no longer the current one.</summary>
    public const string RoutineSuperseded = "routine_superseded";

    /// <summary>409: progression would leave nothing to do; the routine needs a clinician's review.</summary>
    public const string RoutineNeedsReview = "routine_needs_review";

    /// <summary>409: a routine was asked for from an assessment that is not the caller's latest.</summary>
    public const string AssessmentSuperseded = "assessment_superseded";

    /// <summary>409: no published exercise is both safe and suitable for the likely causes.</summary>
    public const string NoSafeRoutine = "no_safe_routine";

    /// <summary>409: only partner integrations have an event feed.</summary>
    public const string PartnersOnly = "partners_only";

    // 412 and 428, gRPC FAILED_PRECONDITION

    /// <summary>412: the <c>If-Match</c> ETag is not the entry's current one; someone changed it since.</summary>
    public const string EtagMismatch = "etag_mismatch";

    /// <summary>428: a change to content needs <c>If-Match</c> with the entry's current ETag.</summary>
    public const string IfMatchRequired = "if_match_required";

    // Limits and failures any call can meet

    /// <summary>413: the request body is larger than the endpoint allows.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>429 (gRPC RESOURCE_EXHAUSTED): too many requests from this caller; wait for <c>Retry-After</c>.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>429 (gRPC RESOURCE_EXHAUSTED): a partner already holds as many open feed streams as a replica allows.</summary>
    public const string TooManyStreams = "too_many_streams";

    /// <summary>429 (gRPC RESOURCE_EXHAUSTED): the caller's quota for the period is used up.</summary>
    public const string QuotaExceeded = "quota_exceeded";

    /// <summary>gRPC CANCELLED: the client cancelled the call before it finished (over REST the connection is simply gone).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>500 (gRPC INTERNAL): an unexpected failure on the service's side; the log has it under the trace id.</summary>
    public const string InternalError = "internal_error";

    /// <summary>503 (gRPC UNAVAILABLE): the database cannot be reached right now; retry after <c>Retry-After</c>.</summary>
    public const string DatabaseUnavailable = "database_unavailable";

    /// <summary>gRPC UNAVAILABLE from the gRPC framework itself, not the database (a replica shutting down): retry shortly.</summary>
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>504 (gRPC DEADLINE_EXCEEDED): the request took longer than the service allows.</summary>
    public const string RequestTimeout = "request_timeout";

    /// <summary>Every code above, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)];
}

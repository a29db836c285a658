package fr.opendmp.core.transport.internal.fhir;

import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.DmpException.Details;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.InvalidRequestException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.NotFoundException;
import fr.opendmp.core.error.OutcomeIssue;
import fr.opendmp.core.error.ServerErrorException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.transport.internal.http.HttpResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps an HTTP error answer to the typed exception, with its issues and a next-step hint. Not API. */
public final class FhirErrors {

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("BLOCKED", "the patient blocked this professional; only bris de glace can reach the record,"
                    + " and it is traced"),
            Map.entry("NO_AUTHORIZATION", "collect the patient's consent to consultation (recorded locally), or use"
                    + " bris de glace / centre de régulation if the situation allows it"),
            Map.entry("NOT_AUTHOR", "only the author of the document may do this"),
            Map.entry("DMP_CLOSED", "the patient's DMP is closed: nothing can be deposited or read; check TD02"),
            Map.entry("DMP_NOT_FOUND", "the patient has no DMP; check TD02 before depositing"),
            Map.entry("DUPLICATE_UNIQUEID", "this uniqueId is already in the DMP: replace the document (TD2.1) or"
                    + " search it by uniqueId (TD3.1b)"),
            Map.entry("HASH_MISMATCH", "the size or hash sent does not match the content: rebuild the deposit"),
            Map.entry("INVALID_INS", "the INS is invalid: use the INS returned by INSi"));

    private FhirErrors() {
    }

    /**
     * @param operation what was attempted (e.g. "search documents")
     * @param result the error answer
     * @param retryable the one retry rule's decision for this answer
     * @return the exception to throw
     */
    public static DmpException from(String operation, HttpResult result, boolean retryable) {
        List<OutcomeIssue> issues = OutcomeReader.read(result.body());
        Optional<String> rule = issues.stream().filter(OutcomeIssue::isError).map(OutcomeIssue::ruleId)
                .flatMap(Optional::stream).findFirst()
                .or(() -> issues.stream().map(OutcomeIssue::ruleId).flatMap(Optional::stream).findFirst());
        int status = result.status();
        String message = operation + ": HTTP " + status + rule.map(r -> " (" + r + ")").orElse("")
                + issues.stream().filter(OutcomeIssue::isError).map(OutcomeIssue::expression).flatMap(Optional::stream)
                        .findFirst().map(e -> " at " + e).orElse("");
        String ruleHint = rule.map(HINTS::get).orElse(null);
        if (rule.filter("DMP_CLOSED"::equals).isPresent()) {
            return refused(message, AccessRefusal.DMP_CLOSED, ruleHint, status, result, issues);
        }
        if (rule.filter("DMP_NOT_FOUND"::equals).isPresent() && status != 403) {
            return new NotFoundException(message, details(false, ruleHint, result, issues), null);
        }
        return switch (status) {
            case 401 -> refused(message, AccessRefusal.NOT_AUTHENTICATED,
                    "the DMP did not accept the credentials: check the certificate and the VIHF/token", status, result,
                    issues);
            case 403 -> refused(message, refusal(rule), ruleHint != null ? ruleHint
                    : "the DMP refused this access; check TD02 (authorization, blocking, access mode)", status, result,
                    issues);
            case 404, 410 -> new NotFoundException(message, details(false, hint(ruleHint,
                    "the DMP, the document or its content is unknown (or was deleted)"), result, issues), null);
            case 409, 412 -> new ConflictException(message, details(false, hint(ruleHint,
                    "the request conflicts with the DMP's state: read the document again before retrying"), result,
                    issues), null);
            case 429, 503 -> new UnavailableException(message, result.retryAfter().orElse(null),
                    details(retryable, "the DMP is busy or unavailable: retry later"
                            + result.retryAfter().map(d -> " (after " + d.toSeconds() + " s)").orElse(""), result,
                            issues), null);
            case 400, 405, 406, 413, 415, 422 -> new InvalidRequestException(message, details(false, hint(ruleHint,
                    "the DMP refused the request as invalid; the issues name the faulty element"), result, issues),
                    null);
            default -> status >= 500
                    ? new ServerErrorException(message, details(retryable, hint(ruleHint,
                            "the DMP failed; retry later and quote the request id if it persists"), result, issues),
                            null)
                    : new InvalidRequestException(message, details(false, hint(ruleHint,
                            "unexpected answer from the DMP"), result, issues), null);
        };
    }

    /** @return a service-side malformed-answer error carrying the request id */
    public static MalformedResponseException malformed(String message, HttpResult result, Throwable cause) {
        return new MalformedResponseException(message, new Details(false,
                "the DMP's answer could not be read; quote the request id to the DMP support",
                Optional.of(result.status()), Optional.of(result.requestId()), List.of()), cause);
    }

    /** @return a client-side invalid-input error (nothing was sent) */
    public static InvalidInputException invalid(String message, String hint) {
        return new InvalidInputException(message, hint);
    }

    private static AccessRefusedException refused(String message, AccessRefusal reason, String hint, int status,
            HttpResult result, List<OutcomeIssue> issues) {
        return new AccessRefusedException(message, reason, details(false, hint == null ? "" : hint, result, issues),
                null);
    }

    private static AccessRefusal refusal(Optional<String> rule) {
        if (rule.isEmpty()) {
            return AccessRefusal.OTHER;
        }
        return switch (rule.get()) {
            case "BLOCKED" -> AccessRefusal.BLOCKED;
            case "NO_AUTHORIZATION" -> AccessRefusal.NO_AUTHORIZATION;
            case "NOT_AUTHOR" -> AccessRefusal.NOT_AUTHOR;
            case "DMP_CLOSED" -> AccessRefusal.DMP_CLOSED;
            case "MODE_FORBIDDEN" -> AccessRefusal.MODE_FORBIDDEN;
            default -> AccessRefusal.OTHER;
        };
    }

    private static String hint(String ruleHint, String fallback) {
        return ruleHint != null ? ruleHint : fallback;
    }

    private static Details details(boolean retryable, String hint, HttpResult result, List<OutcomeIssue> issues) {
        return new Details(retryable, hint, Optional.of(result.status()),
                Optional.of(result.requestId()), issues);
    }
}

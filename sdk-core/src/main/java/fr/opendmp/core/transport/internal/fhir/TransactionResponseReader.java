package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the locations of a {@code transaction-response} Bundle (ITI-65). Not API. */
public final class TransactionResponseReader {

    /**
     * The ids the server gave.
     *
     * @param documentIds ids of the created DocumentReferences, in order
     * @param submissionSetId id of the SubmissionSet (first created List), if any
     */
    public record Result(List<String> documentIds, Optional<String> submissionSetId) {
    }

    private TransactionResponseReader() {
    }

    /** @return the created ids; {@code DocumentReference} entries answered 200 (patches) are left out */
    public static Result read(JsonNode bundle) {
        List<String> docs = new ArrayList<>();
        String list = null;
        for (JsonNode e : bundle.path("entry")) {
            String location = e.path("response").path("location").asText("");
            String status = e.path("response").path("status").asText("");
            String[] parts = location.split("/");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (parts[i].equals("DocumentReference") && status.startsWith("201")) {
                    docs.add(parts[i + 1]);
                    break;
                }
                if (parts[i].equals("List") && list == null) {
                    list = parts[i + 1];
                    break;
                }
            }
        }
        return new Result(List.copyOf(docs), Optional.ofNullable(list));
    }

    /** @return the id in a Location header {@code [base/]Type/<id>[/_history/n]} */
    public static Optional<String> idFromLocation(String location, String type) {
        String[] parts = location.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals(type)) {
                return Optional.of(parts[i + 1]);
            }
        }
        return Optional.empty();
    }
}

package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored SubmissionSet or Folder.
 *
 * @param id List.id (entryUUID)
 * @param patientIns patient matricule
 * @param code {@code submissionset} or {@code folder}
 * @param date List.date
 * @param resource the List as served
 */
public record StoredList(String id, String patientIns, String code, Optional<Instant> date, ObjectNode resource) {
}

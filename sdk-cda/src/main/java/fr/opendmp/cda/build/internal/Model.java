package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.core.code.Code;
import java.util.List;
import java.util.Optional;

/**
 * What a document model fixes in the header.
 *
 * @param templateIds the model templateIds (after the two common ones)
 * @param documentType the document type ({@code code}), or empty when the header gives it (N1)
 * @param defaultTitle the title when the header gives none, or empty to use the type's display
 * @param serviceEventCode the documented act, or empty when the header gives it
 * @param labHeader whether the CR-BIO header rules apply: the performing laboratory with time,
 *     address and telecom, and the encounter's responsible party
 */
public record Model(List<InstanceId> templateIds, Optional<Code> documentType, Optional<String> defaultTitle,
        Optional<Code> serviceEventCode, boolean labHeader) {

    /** A model without the CR-BIO header rules. */
    public Model(List<InstanceId> templateIds, Optional<Code> documentType, Optional<String> defaultTitle,
            Optional<Code> serviceEventCode) {
        this(templateIds, documentType, defaultTitle, serviceEventCode, false);
    }
}

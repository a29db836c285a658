package fr.opendmp.core.transport;

import fr.opendmp.core.document.Audience;
import java.util.Objects;

/** A change of a document's metadata (TD3.3): masking, visibility, logical deletion, archiving. */
public sealed interface MetadataUpdate {

    /** @return the operation's name, for messages */
    String operation();

    /**
     * Masks or unmasks the document to other professionals (TD3.3a).
     *
     * @param masked whether it is masked
     */
    record Mask(boolean masked) implements MetadataUpdate {
        @Override
        public String operation() {
            return masked ? "mask a document" : "unmask a document";
        }
    }

    /**
     * Makes the document visible or invisible to an audience (TD3.3b).
     *
     * @param audience the patient or the legal representatives
     * @param visible whether it is visible to them
     */
    record Visibility(Audience audience, boolean visible) implements MetadataUpdate {
        /**
         * Checks the audience.
         * @param audience the patient or the legal representatives
         * @param visible whether it is visible to them
         */
        public Visibility {
            Objects.requireNonNull(audience, "audience");
        }

        @Override
        public String operation() {
            return "change a document's visibility";
        }
    }

    /** Deletes the document logically (TD3.3c; only its author may). */
    record Delete() implements MetadataUpdate {
        @Override
        public String operation() {
            return "delete a document";
        }
    }

    /**
     * Archives or unarchives the document (TD3.3d).
     *
     * @param archived whether it is archived
     */
    record Archive(boolean archived) implements MetadataUpdate {
        @Override
        public String operation() {
            return archived ? "archive a document" : "unarchive a document";
        }
    }
}

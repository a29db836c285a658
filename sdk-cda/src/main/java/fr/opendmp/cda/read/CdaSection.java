package fr.opendmp.cda.read;

import fr.opendmp.core.code.Code;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of a structured body, with its sub-sections (narrative and entries are left in the
 * document).
 *
 * @param templateIds the {@code templateId/@root} values
 * @param code the section code, if any
 * @param title the title, if any
 * @param entryCount the number of {@code entry} elements directly in the section
 * @param sections the sub-sections
 */
public record CdaSection(List<String> templateIds, Optional<Code> code, Optional<String> title, int entryCount,
        List<CdaSection> sections) {

    /**
     * Checks presence and copies the lists.
     * @param templateIds the {@code templateId/@root} values
     * @param code the section code, if any
     * @param title the title, if any
     * @param entryCount the number of {@code entry} elements directly in the section
     * @param sections the sub-sections
     */
    public CdaSection {
        templateIds = List.copyOf(templateIds);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
    }

    /** The title masked (free text); the structure (templates, section code, counts) shown. */
    @Override
    public String toString() {
        return "CdaSection[" + templateIds + ", " + code.map(Code::code).orElse("no code") + ", title "
                + (title.isPresent() ? "***" : "none") + ", entries=" + entryCount + ", sections=" + sections.size()
                + "]";
    }
}

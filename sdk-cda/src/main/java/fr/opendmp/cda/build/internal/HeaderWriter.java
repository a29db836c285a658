package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.build.CdaBuildException;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.read.internal.CdaTimes;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.ins.IdentityTraits;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Writes the CI-SIS header, in CDA R2 schema order. */
public final class HeaderWriter {

    private static final String LOINC_OID = "2.16.840.1.113883.6.1";

    private HeaderWriter() {
    }

    /** Writes everything from {@code realmCode} to {@code componentOf}. */
    public static void write(Xml x, DocumentHeader h, Model m) {
        Code type = m.documentType().or(h::documentType).orElseThrow(() -> new CdaBuildException(
                CdaBuildException.Reason.MISSING_ELEMENT, "documentType is required for this model"));
        Code act = m.serviceEventCode().or(h::serviceEventCode).orElse(null);
        String title = h.title().or(m::defaultTitle).orElse(type.display());
        if (title.isBlank()) {
            throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT, "title is required");
        }
        x.sectionIdBase(h.documentId());
        x.empty("realmCode", "code", "FR");
        x.empty("typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        x.empty("templateId", "root", "2.16.840.1.113883.2.8.2.1");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.1.1");
        m.templateIds().forEach(t -> x.id("templateId", t));
        x.id("id", h.documentId());
        code(x, "code", type);
        x.element("title", title);
        x.empty("effectiveTime", "value", ts(h.effectiveTime()));
        x.empty("confidentialityCode", "code", "N", "codeSystem", "2.16.840.1.113883.5.25", "displayName", "Normal");
        x.empty("languageCode", "code", "fr-FR");
        x.id("setId", h.setId());
        x.empty("versionNumber", "value", Integer.toString(h.versionNumber()));
        patient(x, h);
        for (Professional a : h.authors()) {
            x.start("author").empty("time", "value", ts(h.effectiveTime())).start("assignedAuthor");
            entity(x, a, "assignedPerson");
            a.organization().ifPresent(o -> organization(x, "representedOrganization", o, Optional.empty()));
            x.end().end();
        }
        x.start("custodian").start("assignedCustodian");
        organization(x, "representedCustodianOrganization", h.custodian(), Optional.empty());
        x.end().end();
        Professional legal = h.legalAuthenticator();
        x.start("legalAuthenticator").empty("time", "value", ts(h.effectiveTime())).empty("signatureCode", "code", "S")
                .start("assignedEntity");
        entity(x, legal, "assignedPerson");
        legal.organization().ifPresent(o -> organization(x, "representedOrganization", o, Optional.empty()));
        x.end().end();
        h.primaryCarePhysician().ifPresent(p -> {
            x.start("participant", "typeCode", "INF");
            x.empty("functionCode", "code", "PCP", "codeSystem", "2.16.840.1.113883.5.88", "displayName",
                    "Médecin Traitant");
            x.empty("time", "nullFlavor", "NA");
            x.start("associatedEntity", "classCode", "PROV");
            entity(x, p, "associatedPerson");
            p.organization().ifPresent(o -> organization(x, "scopingOrganization", o, Optional.empty()));
            x.end().end();
        });
        serviceEvent(x, h, act, m.labHeader());
        h.replacedDocumentId().ifPresent(id -> x.start("relatedDocument", "typeCode", "RPLC")
                .start("parentDocument").id("id", id).end().end());
        x.start("componentOf").start("encompassingEncounter");
        h.encounterCode().ifPresent(c -> code(x, "code", c));
        period(x, h.encounterStart(), h.encounterEnd());
        if (m.labHeader()) {
            Professional responsible = h.legalAuthenticator();
            x.start("responsibleParty").start("assignedEntity");
            entity(x, responsible, "assignedPerson");
            x.end().end();
        }
        x.start("location").start("healthCareFacility");
        code(x, "code", h.facilityType());
        x.end().end().end().end();
    }

    private static void patient(Xml x, DocumentHeader h) {
        IdentityTraits t = h.traits();
        x.start("recordTarget").start("patientRole");
        x.empty("id", "root", h.ins().oid().oid(), "extension", h.ins().value());
        h.localPatientId().ifPresent(id -> x.id("id", id));
        x.start("patient", "classCode", "PSN").start("name");
        x.start("family", "qualifier", "BR").text(t.birthName()).end();
        x.element("given", String.join(" ", t.birthFirstNames()));
        x.start("given", "qualifier", "BR").text(t.firstBirthFirstName()).end();
        t.usedName().ifPresent(n -> x.start("family", "qualifier", "CL").text(n).end());
        t.usedFirstName().ifPresent(n -> x.start("given", "qualifier", "CL").text(n).end());
        x.end();
        String sex = t.sex().code();
        x.empty("administrativeGenderCode", "code", sex, "codeSystem", "2.16.840.1.113883.5.1", "displayName",
                "F".equals(sex) ? "Féminin" : "Masculin");
        x.empty("birthTime", "value", birthTime(t.birthDate()));
        String place = t.birthPlaceCode().orElseThrow(() -> new CdaBuildException(
                CdaBuildException.Reason.MISSING_ELEMENT, "the INS traits need the birth place code"));
        x.start("birthplace").start("place").start("addr").element("county", place).end().end().end();
        x.end().end().end();
    }

    private static void serviceEvent(Xml x, DocumentHeader h, Code act, boolean lab) {
        Professional performer = h.authors().get(0);
        x.start("documentationOf").start("serviceEvent");
        if (act != null) {
            code(x, "code", act);
        }
        period(x, h.serviceStart(), h.serviceEnd());
        x.start("performer", "typeCode", "PRF");
        if (lab) {
            // CR-BIO: the performing laboratory's time, address and telecom are required (unknown here)
            x.start("time").empty("high", "value", ts(h.serviceEnd().orElse(h.effectiveTime()))).end();
        }
        x.start("assignedEntity");
        if (lab) {
            x.empty("id", "root", CodeSystems.ID_NAT_PS_OID, "extension", performer.idNat());
            performer.specialty().ifPresent(c -> code(x, "code", c));
            x.empty("addr", "nullFlavor", "UNK").empty("telecom", "nullFlavor", "UNK");
            person(x, performer, "assignedPerson");
            Organization o = performer.organization().orElse(h.custodian());
            x.start("representedOrganization");
            organizationId(x, o);
            x.element("name", o.name().orElseThrow())
                    .empty("telecom", "nullFlavor", "UNK").empty("addr", "nullFlavor", "UNK");
            code(x, "standardIndustryClassCode", h.practiceSetting());
            x.end();
        } else {
            entity(x, performer, "assignedPerson");
            organization(x, "representedOrganization", performer.organization().orElse(h.custodian()),
                    Optional.of(h.practiceSetting()));
        }
        x.end().end().end().end();
    }

    private static void period(Xml x, OffsetDateTime start, Optional<OffsetDateTime> end) {
        x.start("effectiveTime").empty("low", "value", ts(start));
        end.ifPresent(e -> x.empty("high", "value", ts(e)));
        x.end();
    }

    /** Writes a professional's id, specialty and name inside its role element. */
    static void entity(Xml x, Professional p, String personElement) {
        x.empty("id", "root", CodeSystems.ID_NAT_PS_OID, "extension", p.idNat());
        p.specialty().ifPresent(c -> code(x, "code", c));
        person(x, p, personElement);
    }

    private static void person(Xml x, Professional p, String personElement) {
        x.start(personElement).start("name");
        p.prefix().ifPresent(v -> x.element("prefix", v));
        p.givenName().filter(g -> !g.isBlank()).ifPresent(g -> x.element("given", g));
        x.element("family", p.familyName().orElseThrow());
        x.end().end();
    }

    private static void organization(Xml x, String element, Organization o, Optional<Code> practiceSetting) {
        x.start(element);
        organizationId(x, o);
        x.element("name", o.name().orElseThrow());
        practiceSetting.ifPresent(c -> code(x, "standardIndustryClassCode", c));
        x.end();
    }

    private static void organizationId(Xml x, Organization o) {
        x.empty("id", "root", CodeSystems.ID_NAT_STRUCT_OID, "extension", o.idNat());
    }

    /** Writes a code, adding {@code codeSystemName="LOINC"} for LOINC codes. */
    static void code(Xml x, String element, Code c) {
        boolean loinc = c.systemOid().filter(LOINC_OID::equals).isPresent();
        x.code(element, c, "codeSystemName", loinc ? "LOINC" : null);
    }

    /** @return the {@code TS} form with seconds and offset */
    static String ts(OffsetDateTime t) {
        return CdaTimes.format(t);
    }

    private static String birthTime(String isoDate) {
        String d = isoDate.replace("-", "");
        if (d.length() == 8 && d.endsWith("00")) {
            d = d.substring(0, 6);
        }
        if (d.length() == 6 && d.endsWith("00")) {
            d = d.substring(0, 4);
        }
        return d;
    }

}

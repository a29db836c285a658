package fr.opendmp.xds.internal;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatient;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.PatientAuthorization;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** The DMP's own web services: TD0.3 setAuthorization, TD1.6 listAuthorizationByPatient, TD0.4 patientList. Not API. */
public final class WebServices {


    private WebServices() {
    }

    /** @return the TD0.3 body */
    public static String setAuthorization(AuthorizationChange change) {
        String action = change == AuthorizationChange.ADD || change == AuthorizationChange.DECLARE_MEDECIN_TRAITANT
                ? "AJOUT" : "SUPPRESSION";
        boolean mt = change == AuthorizationChange.DECLARE_MEDECIN_TRAITANT
                || change == AuthorizationChange.REMOVE_MEDECIN_TRAITANT;
        return "<hab:setAuthorization xmlns:hab=\"" + Ns.HAB + "\"><hab:action>" + action + "</hab:action>"
                + (mt ? "<hab:role>MEDECIN_TRAITANT</hab:role>" : "") + "</hab:setAuthorization>";
    }

    /** @return the TD1.6 body */
    public static String listAuthorizations(AuthorizationFilter filter) {
        String mode = switch (filter) {
            case ACTIVE -> "ACTIVE";
            case BLOCKED -> "INTERDITE";
            case ALL -> "TOUTE";
        };
        return "<hab:listAuthorizationByPatient xmlns:hab=\"" + Ns.HAB + "\"><hab:mode>" + mode
                + "</hab:mode></hab:listAuthorizationByPatient>";
    }

    /** @return the TD0.4 body */
    public static String patientList(Instant since, AuthorizedPatientsBy by) {
        String type = by == AuthorizedPatientsBy.LAST_AUTHORIZATION ? "LASTAUTORIZATION" : "LASTDOC";
        return "<pat:patientList xmlns:pat=\"" + Ns.PAT + "\"><pat:startDate>" + Dtm.format(since)
                + "</pat:startDate><pat:dateType>" + type + "</pat:dateType></pat:patientList>";
    }

    /**
     * @param response the response root
     * @param ns its namespace
     * @return the {@code output} element
     */
    public static Optional<Element> output(Element response, String ns) {
        return Xml.child(response, ns, "output");
    }

    /** @return the status of an output ({@code DMPOk}…) */
    public static String status(Element output, String ns) {
        return Xml.child(output, ns, "status").flatMap(Xml::text).orElse("");
    }

    /** @return the context text of an output */
    public static String context(Element output, String ns) {
        return Xml.child(output, ns, "context").flatMap(Xml::text).orElse("");
    }

    /** @return the TD1.6 entries */
    public static List<PatientAuthorization> authorizations(Element output) {
        List<PatientAuthorization> out = new ArrayList<>();
        for (Element e : Xml.children(output, Ns.HAB, "listOfAuthorizationByPatient")) {
            Optional<String> id = text(e, Ns.HAB, "nationalId");
            if (id.isEmpty()) {
                continue;
            }
            List<Element> codes = Xml.children(e, Ns.HAB, "codeSpeciality");
            List<Element> labels = Xml.children(e, Ns.HAB, "libSpeciality");
            List<Code> specialties = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                Optional<String> c = Xml.text(codes.get(i));
                String label = i < labels.size() ? Xml.text(labels.get(i)).orElse("") : "";
                c.ifPresent(code -> specialties.add(Code.of(CodeSystems.TRE_A02, code, label)));
            }
            boolean mt = Xml.children(e, Ns.HAB, "specificRight").stream().map(Xml::text)
                    .flatMap(Optional::stream).anyMatch("MEDECIN_TRAITANT"::equals);
            out.add(new PatientAuthorization(id.get(), text(e, Ns.HAB, "firstName"), text(e, Ns.HAB, "lastName"),
                    specialties, text(e, Ns.HAB, "mode").filter("INTERDITE"::equals).isPresent(), mt,
                    text(e, Ns.HAB, "startOfAuthorization").flatMap(Dtm::parse).map(OffsetDateTime::toInstant),
                    text(e, Ns.HAB, "lastActionDate").flatMap(Dtm::parse).map(OffsetDateTime::toInstant)));
        }
        return out;
    }

    /** @return the TD0.4 entries */
    public static List<AuthorizedPatient> patients(Element output) {
        List<AuthorizedPatient> out = new ArrayList<>();
        for (Element e : Xml.children(output, Ns.PAT, "patientlistData")) {
            Optional<Ins> ins = Optional.empty();
            for (Element id : Xml.children(e, Ns.PAT, "patientIdentifier")) {
                Optional<String> value = text(id, Ns.PAT, "nationalId");
                Optional<InsOid> oid = text(id, Ns.PAT, "nationalIdType").flatMap(InsOid::find);
                if (value.isPresent() && oid.isPresent() && ins.isEmpty()) {
                    try {
                        ins = Optional.of(Ins.of(InsMatricule.parse(value.get(), oid.get().kind()), oid.get()));
                    } catch (IllegalArgumentException ignored) {
                        // not a valid INS: kept out of the answer
                    }
                }
            }
            out.add(new AuthorizedPatient(ins, text(e, Ns.PAT, "lastName"), text(e, Ns.PAT, "firstName"),
                    text(e, Ns.PAT, "dateOfBirth").flatMap(Dtm::date),
                    text(e, Ns.PAT, "MT").map("true"::equalsIgnoreCase).orElse(false),
                    text(e, Ns.PAT, "message").map("true"::equalsIgnoreCase).orElse(false),
                    instant(e, "lastAccessDate"), instant(e, "lastUpdateDate"), instant(e, "lastAddDate")));
        }
        return out;
    }

    private static Optional<Instant> instant(Element e, String name) {
        return text(e, Ns.PAT, name).flatMap(Dtm::parse).map(OffsetDateTime::toInstant);
    }

    private static Optional<String> text(Element parent, String ns, String local) {
        return Xml.child(parent, ns, local).flatMap(Xml::text);
    }
}

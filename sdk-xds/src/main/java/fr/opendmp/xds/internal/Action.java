package fr.opendmp.xds.internal;

import fr.opendmp.xds.DmpiService;
import java.util.Set;

/** The DMPi operations: request and response {@code wsa:Action}, service, body roots. Not API. */
public enum Action {
    /** TD0.2 / TD1.3a. */
    PRPA("urn:hl7-org:v3:PRPA_IN201307UV02", Set.of("urn:hl7-org:v3:PRPA_IN201308UV02"), DmpiService.PATIENTS,
            Ns.HL7, "PRPA_IN201308UV02"),
    /** TD0.3. */
    SET_AUTHORIZATION("urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization",
            Set.of("urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse"),
            DmpiService.HABILITATIONS, Ns.HAB, "setAuthorizationResponse"),
    /** TD1.6. */
    LIST_AUTHORIZATIONS("urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient",
            Set.of("urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatientResponse"),
            DmpiService.HABILITATIONS, Ns.HAB, "listAuthorizationByPatientResponse"),
    /** TD0.4. */
    PATIENT_LIST("urn:si-dmp-patients:PatientSpecificEndPoint:patientList",
            Set.of("urn:si-dmp-patients:PatientSpecificEndPoint:patientListResponse"),
            DmpiService.PATIENTS_SPECIFIC, Ns.PAT, "patientListResponse"),
    /** ITI-41 (TD2.1, TD2.1b). */
    ITI41("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b",
            Set.of("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse"), DmpiService.REPOSITORY, Ns.RS,
            "RegistryResponse"),
    /** ITI-18 (TD3.1a/b). */
    ITI18("urn:ihe:iti:2007:RegistryStoredQuery", Set.of("urn:ihe:iti:2007:RegistryStoredQueryResponse"),
            DmpiService.REGISTRY, Ns.QUERY, "AdhocQueryResponse"),
    /** ITI-43 (TD3.2). */
    ITI43("urn:ihe:iti:2007:RetrieveDocumentSet", Set.of("urn:ihe:iti:2007:RetrieveDocumentSetResponse"),
            DmpiService.REPOSITORY, Ns.XDS, "RetrieveDocumentSetResponse"),
    /** ITI-57 (TD3.3a–d); the DMP writes the answer's action with a hyphen, IHE without. */
    ITI57("urn:ihe:iti:2010:UpdateDocumentSet", Set.of("urn:ihe:iti:2010:UpdateDocumentSet-Response",
            "urn:ihe:iti:2010:UpdateDocumentSetResponse"), DmpiService.REGISTRY, Ns.RS, "RegistryResponse");

    private final String request;
    private final Set<String> responses;
    private final DmpiService service;
    private final String responseNs;
    private final String responseRoot;

    Action(String request, Set<String> responses, DmpiService service, String responseNs, String responseRoot) {
        this.request = request;
        this.responses = responses;
        this.service = service;
        this.responseNs = responseNs;
        this.responseRoot = responseRoot;
    }

    /** @return the request's {@code wsa:Action} */
    public String request() {
        return request;
    }

    /** @return the accepted response actions */
    public Set<String> responses() {
        return responses;
    }

    /** @return the service */
    public DmpiService service() {
        return service;
    }

    /** @return the response body root's namespace */
    public String responseNs() {
        return responseNs;
    }

    /** @return the response body root's local name */
    public String responseRoot() {
        return responseRoot;
    }
}

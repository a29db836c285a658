package fr.opendmp.xds.internal;

/** The namespaces and fixed URIs of DMPi (SOAP 1.2, WS-A, WS-Security, HL7v3, ebRIM, XDS.b). Not API. */
public final class Ns {
    /** SOAP 1.2 envelope. */
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    /** SOAP 1.1 envelope (accepted on answers only). */
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    /** WS-Addressing 1.0. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** WS-Security 1.0 secext. */
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** XDS.b. */
    public static final String XDS = "urn:ihe:iti:xds-b:2007";
    /** ebRIM 3.0. */
    public static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    /** ebRS 3.0. */
    public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    /** ebLCM 3.0. */
    public static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    /** ebQuery 3.0. */
    public static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    /** XOP. */
    public static final String XOP = "http://www.w3.org/2004/08/xop/include";
    /** HL7v3. */
    public static final String HL7 = "urn:hl7-org:v3";
    /** XML Schema instance. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** DMP habilitations web service. */
    public static final String HAB = "urn:si-dmp-habilitations";
    /** DMP patients web service. */
    public static final String PAT = "urn:si-dmp-patients";
    /** XML-DSig. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** XAdES 1.1.1. */
    public static final String XADES = "http://uri.etsi.org/01903/v1.1.1#";
    /** WS-A anonymous address. */
    public static final String ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";

    private Ns() {
    }
}

/**
 * OpenDMP DMPi: the DMP's production interface (SOAP 1.2, WS-Addressing, WS-Security VIHF, HL7v3,
 * IHE XDS.b ITI-41/18/43/57 with MTOM and the XAdES-signed submission set) as a transport of the
 * same {@code DmpClient}.
 */
module fr.opendmp.xds {
    requires transitive fr.opendmp.core;
    requires java.xml;
    requires java.xml.crypto;
    requires org.slf4j;
    requires apache.mime4j.core;

    exports fr.opendmp.xds;
}

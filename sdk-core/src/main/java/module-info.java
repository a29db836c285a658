/**
 * OpenDMP core: INS identity and INSi, the DMP client over its transports, the one error root,
 * the credentials SPI, the deposit outbox and its store. Only API packages are exported; the HTTP exchange is shared with the SDK's
 * own modules, never with applications.
 */
module fr.opendmp.core {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;
    requires java.xml;
    requires transitive java.sql;
    // Optional: only the outbox's JDBC store uses it (flyway-core has no Automatic-Module-Name).
    requires static flyway.core;

    exports fr.opendmp.core.access;
    exports fr.opendmp.core.caller;
    exports fr.opendmp.core.client;
    exports fr.opendmp.core.code;
    exports fr.opendmp.core.credentials;
    exports fr.opendmp.core.document;
    exports fr.opendmp.core.error;
    exports fr.opendmp.core.ins;
    exports fr.opendmp.core.insi;
    exports fr.opendmp.core.outbox;
    exports fr.opendmp.core.party;
    exports fr.opendmp.core.search;
    exports fr.opendmp.core.transport;

    exports fr.opendmp.core.transport.internal.http to fr.opendmp.auth, fr.opendmp.xds;
    exports fr.opendmp.core.xml.internal to fr.opendmp.cda, fr.opendmp.auth, fr.opendmp.xds;

    opens fr.opendmp.core.transport.internal.fhir to com.fasterxml.jackson.databind;
}

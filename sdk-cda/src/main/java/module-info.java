/**
 * OpenDMP CDA: CI-SIS CDA R2 builders, a secure reader, metadata derivation, the CDA → deposit path
 * with its patient check, validation (ANS XSD and schematrons with the optional Saxon-HE).
 */
module fr.opendmp.cda {
    requires transitive fr.opendmp.core;
    requires java.xml;
    requires static Saxon.HE;

    exports fr.opendmp.cda;
    exports fr.opendmp.cda.build;
    exports fr.opendmp.cda.content;
    exports fr.opendmp.cda.deposit;
    exports fr.opendmp.cda.metadata;
    exports fr.opendmp.cda.outbox;
    exports fr.opendmp.cda.read;
    exports fr.opendmp.cda.validate;
}

package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;

/** Fictitious identities for the client tests (no real person). */
public final class TestIdentities {

    /** A valid test INS (key checked). */
    public static final Ins INS = Ins.nir("279119913400976");

    private TestIdentities() {
    }

    /** @return fictitious traits */
    public static IdentityTraits traits() {
        return IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE").birthDate("1979-11-13")
                .sex(Sex.F).birthPlaceCode("99134").build();
    }

    /** @return a qualified identity with this INS */
    public static PatientIdentity qualified(Ins ins) {
        return PatientIdentity.qualified(traits(), ins);
    }

    /** @return a provisional (not qualified) identity */
    public static PatientIdentity provisional() {
        return PatientIdentity.provisional(traits());
    }
}

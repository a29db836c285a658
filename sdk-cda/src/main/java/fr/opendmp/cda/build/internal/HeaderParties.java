package fr.opendmp.cda.build.internal;

import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;

/** What a CDA header needs of the shared professional and organisation, checked when they are given. */
public final class HeaderParties {

    private HeaderParties() {
    }

    /**
     * @param p a professional of the header
     * @param role its role in the header, for the message
     * @return p, when it has what a CDA header writes (an IdNat_PS and a family name)
     * @throws IllegalArgumentException otherwise
     */
    public static Professional writable(Professional p, String role) {
        if (!p.idNat().matches("[0-9A-Za-z/.]{2,64}")) {
            throw new IllegalArgumentException("the " + role + "'s IdNat_PS is 8 + RPPS (e.g. 810001234567)");
        }
        if (p.familyName().filter(f -> !f.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("the " + role + " needs a family name in a CDA header");
        }
        p.organization().ifPresent(o -> writable(o, role + "'s organisation"));
        return p;
    }

    /**
     * @param o an organisation of the header
     * @param role its role in the header, for the message
     * @return o, when it has what a CDA header writes (a name)
     * @throws IllegalArgumentException otherwise
     */
    public static Organization writable(Organization o, String role) {
        if (o.name().filter(n -> !n.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("the " + role + " needs a name in a CDA header");
        }
        return o;
    }
}

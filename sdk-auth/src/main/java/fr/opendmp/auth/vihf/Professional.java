package fr.opendmp.auth.vihf;

import java.util.List;
import java.util.Objects;

/**
 * The human (or the person responsible for an automaton) a VIHF names.
 *
 * @param nameId the {@code Subject/NameID}: IdNat_PS (e.g. {@code 899700366240}) or
 *     {@code <Struct_IdNat>/<local id>}
 * @param displayName the {@code subject-id}: "Nom Prénom", or the automaton's description
 * @param roles the roles: first the profession (TRE_G15…), then the specialty for physicians and
 *     pharmacists
 */
public record Professional(String nameId, String displayName, List<CodedValue> roles) {

    /**
     * Checks the parts; physicians ({@code 10}) and pharmacists ({@code 21}) need a second role.
     * @param nameId the {@code Subject/NameID}: IdNat_PS (e.g. {@code 899700366240}) or {@code
     *     <Struct_IdNat>/<local id>}
     * @param displayName the {@code subject-id}: "Nom Prénom", or the automaton's description
     * @param roles the roles: first the profession (TRE_G15…), then the specialty for physicians and
     *     pharmacists
     */
    public Professional {
        CodedValue.requireText(nameId, "nameId");
        CodedValue.requireText(displayName, "displayName");
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a professional needs at least one role (the profession)");
        }
        CodedValue first = roles.get(0);
        if (CodedValue.PROFESSION_SANTE.equals(first.codeSystem())
                && ("10".equals(first.code()) || "21".equals(first.code())) && roles.size() < 2) {
            throw new IllegalArgumentException("profession " + first.code()
                    + " needs a second role (specialty or pharmacist section)");
        }
    }

    /** Masks the name (a person's name never reaches a log line). */
    @Override
    public String toString() {
        return "Professional[" + nameId + ", roles " + roles.stream().map(CodedValue::code).toList() + "]";
    }
}

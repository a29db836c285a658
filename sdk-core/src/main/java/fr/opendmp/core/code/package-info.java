/**
 * The one coded value of the SDK and the one set of code system and identifier OIDs: a
 * {@link fr.opendmp.core.code.Code} (system, code, display) and {@link fr.opendmp.core.code.CodeSystems}
 * (IdNat_PS, IdNat_Struct, TRE_G15, TRE_R38, TRE_R02, INS roots, LOINC…). Every module writes a code
 * or an OID with these, never with its own type or literal.
 */
package fr.opendmp.core.code;

/**
 * Typed readers of the documents a consulting doctor looks for first: vaccinations, reimbursement
 * history, synthèse médicale, biology results, N1 documents (PDF with its metadata) and imaging
 * references. Each returns immutable records (never DOM), tolerates what the ANS examples show, and
 * lists what it could not read in {@code unreadable()} instead of dropping it.
 *
 * <pre>{@code
 * CdaDocument cda = CdaReader.read(bytes);
 * switch (ClinicalContent.read(cda)) {
 *     case LabReport lab -> lab.results().forEach(r -> show(r.loinc(), r.value()));
 *     case VaccinationRecord vac -> vac.vaccinations().forEach(...);
 *     default -> { }
 * }
 * }</pre>
 *
 * <p>Every {@code toString()} of a record holding health data is masked: counts and structure only.
 */
package fr.opendmp.cda.content;

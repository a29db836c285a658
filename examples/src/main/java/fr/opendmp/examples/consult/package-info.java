/** Journey 3: a consulting doctor reads a patient's vaccinations and lab results as values. */
package fr.opendmp.examples.consult;

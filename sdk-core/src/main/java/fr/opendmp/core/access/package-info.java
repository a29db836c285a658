/** DMP access: the DMP's state for a patient, the caller's authorization and access modes (TD02). */
package fr.opendmp.core.access;

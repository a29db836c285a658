/**
 * The fake VIHF verifier (ANS CI-SIS VIHF): checks a signed VIHF the way a DMP would, in a fixed order,
 * and answers a verified caller or a typed failure with the attribute at fault.
 */
package fr.opendmp.testkit.auth;

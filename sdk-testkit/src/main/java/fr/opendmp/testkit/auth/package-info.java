/**
 * The fake VIHF verifier (auth.md §8.2): checks a signed VIHF the way a DMP would, in a fixed order,
 * and answers a verified caller or a typed failure with the attribute at fault.
 */
package fr.opendmp.testkit.auth;

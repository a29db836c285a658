/** OpenDMP benchmarks (profile "bench"): JMH benchmarks of the SDK against baselines measured in the same run. */
package fr.opendmp.bench;

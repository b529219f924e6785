/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and writes the results table: the JMH benchmarks through
 * JMH's {@link Runner} (one fork each), then {@link ApplicationFootprint} in a fresh JVM,
 * then {@code benchmark-results.md} (also printed). Started by
 * {@code ./mvnw -q -pl benchmarks -am package -DskipTests -Pbenchmarks}; quick mode with
 * {@code -Dbench.quick=true}; only the benchmarks whose name ({@code Class.method})
 * matches a regular expression, without the footprint, with
 * {@code -Dbench.include=Curve}.
 *
 * @author zmq-spring contributors
 */
public final class BenchmarkMain {

	private static final String ALL = "(raw|starter|springIntegration)";

	private BenchmarkMain() {
	}

	/**
	 * One JMH run: the benchmark methods and the parameter values to cross.
	 *
	 * @param methods regular expression of {@code Class.method}
	 * @param transport the transport
	 * @param payloads the payload kinds
	 * @param sizes the sizes
	 */
	record Plan(String methods, Transport transport, List<String> payloads, List<String> sizes) {
	}

	public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
		boolean quick = Boolean.getBoolean("bench.quick");
		String include = System.getProperty("bench.include", "");
		Path output = Path.of(System.getProperty("bench.output", "target/benchmark-results.md"));
		long start = System.nanoTime();
		List<RunResult> results = new ArrayList<>();
		for (Plan plan : plans(quick)) {
			results.addAll(run(plan, include, quick));
		}
		Properties footprint = include.isEmpty() ? footprint(quick, output.resolveSibling("footprint.properties"))
				: new Properties();
		long minutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - start);
		String report = ResultsReport.render(results, footprint, quick, minutes);
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, report, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + output.toAbsolutePath());
	}

	/**
	 * The matrix (see docs/performance.md): the payload matrix where conversion cost
	 * shows undiluted (push over tcp, request latency over tcp), byte[] elsewhere.
	 */
	static List<Plan> plans(boolean quick) {
		List<String> sizes = quick ? List.of("1024") : List.of("100", "1024", "65536");
		List<String> oneKib = List.of("1024");
		List<String> bytes = List.of("BYTES");
		List<Plan> plans = new ArrayList<>();
		plans.add(new Plan("PushPullBenchmark\\.(raw|starter)", Transport.TCP, List.of("BYTES", "STRING", "JSON"),
				sizes));
		plans.add(new Plan("PushPullBenchmark\\.springIntegration", Transport.TCP, bytes, sizes));
		plans.add(new Plan("PushPullBenchmark\\.(raw|starter)", Transport.INPROC, bytes, sizes));
		plans.add(new Plan("PushPullBenchmark\\.springIntegration", Transport.INPROC, bytes, oneKib));
		plans.add(new Plan("PubSubBenchmark\\." + ALL, Transport.TCP, bytes, sizes));
		plans.add(new Plan("PubSubBenchmark\\.(raw|starter)", Transport.INPROC, bytes, sizes));
		plans.add(new Plan("PubSubBenchmark\\.springIntegration", Transport.INPROC, bytes, oneKib));
		plans.add(new Plan("RequestLatencyBenchmark\\.(raw|starter)", Transport.TCP, List.of("BYTES", "JSON"), sizes));
		plans.add(new Plan("RequestLatencyBenchmark\\.(raw|starter)", Transport.INPROC, bytes, oneKib));
		plans.add(new Plan("BlockingCallersBenchmark\\.(raw|starter)", Transport.TCP, bytes, sizes));
		plans.add(new Plan("BlockingCallersBenchmark\\.(raw|starter)", Transport.INPROC, bytes, oneKib));
		plans.add(new Plan("AsyncInFlightBenchmark\\.(rawDealer|starter)", Transport.TCP, bytes, sizes));
		plans.add(new Plan("AsyncInFlightBenchmark\\.(rawDealer|starter)", Transport.INPROC, bytes, oneKib));
		// NULL and CURVE side by side, tcp byte[] only: the cost of the mechanism
		List<String> curveSizes = quick ? oneKib : List.of("100", "65536");
		plans.add(new Plan("CurvePushPullBenchmark\\.(raw|starter)", Transport.TCP, bytes, curveSizes));
		plans.add(new Plan("CurveRequestLatencyBenchmark\\.(raw|starter)", Transport.TCP, bytes, curveSizes));
		return plans;
	}

	private static Collection<RunResult> run(Plan plan, String include, boolean quick) throws RunnerException {
		// a benchmark runs if its name matches both the plan and -Dbench.include
		String only = include.isEmpty() ? "" : "(?=.*(" + include + "))";
		ChainedOptionsBuilder options = new OptionsBuilder().include("^" + only + ".*\\." + plan.methods() + "$")
			.forks(1)
			.warmupIterations(2)
			.warmupTime(TimeValue.seconds(quick ? 1 : 2))
			.measurementIterations(quick ? 2 : 3)
			.measurementTime(TimeValue.seconds(quick ? 1 : 2))
			.timeout(TimeValue.minutes(2))
			.shouldFailOnError(true)
			.jvmArgsAppend("-Xms1g", "-Xmx1g")
			.param("transport", plan.transport().name())
			.param("payload", plan.payloads().toArray(String[]::new))
			.param("size", plan.sizes().toArray(String[]::new));
		try {
			return new Runner(options.build()).run();
		}
		catch (NoBenchmarksException ex) {
			if (include.isEmpty()) {
				throw ex;
			}
			return List.of();
		}
	}

	/**
	 * Measure the footprint in a fresh JVM with the same class path.
	 */
	private static Properties footprint(boolean quick, Path file) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				ApplicationFootprint.class.getName(), Boolean.toString(quick), file.toAbsolutePath().toString())
			.inheritIO()
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("The footprint measurement failed");
		}
		Properties figures = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			figures.load(in);
		}
		return figures;
	}

}

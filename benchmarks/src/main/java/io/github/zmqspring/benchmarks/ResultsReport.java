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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Renders the results as Markdown: one table, a row per measured flow with raw JeroMQ,
 * zmq-spring, spring-integration-zeromq (where it has the flow), the starter's ratio to
 * raw, the target and whether it is met (see docs/performance.md for the targets); then,
 * when the CURVE benchmarks ran, what CURVE costs each side ({@link CurveReport}).
 *
 * @author zmq-spring contributors
 */
final class ResultsReport {

	private ResultsReport() {
	}

	/**
	 * The runs of one flow at one parameter point, by benchmark method.
	 *
	 * @param flow the benchmark class simple name
	 * @param transport TCP or INPROC
	 * @param payload BYTES, STRING or JSON
	 * @param size the payload size
	 * @param security NULL or CURVE for the CURVE benchmarks, {@code null} for the others
	 * @param byMethod the runs, keyed {@code raw}, {@code starter},
	 * {@code springIntegration}
	 */
	record Point(String flow, String transport, String payload, String size, String security,
			Map<String, RunResult> byMethod) {

		RunResult raw() {
			RunResult raw = this.byMethod.get("raw");
			return (raw != null) ? raw : this.byMethod.get("rawDealer");
		}

		RunResult starter() {
			return this.byMethod.get("starter");
		}

		RunResult springIntegration() {
			return this.byMethod.get("springIntegration");
		}

		String describe() {
			return Transport.valueOf(this.transport).name().toLowerCase(Locale.ROOT) + ", " + payloadName() + " "
					+ sizeName();
		}

		private String payloadName() {
			return switch (this.payload) {
				case "BYTES" -> "byte[]";
				case "STRING" -> "String";
				default -> this.payload;
			};
		}

		private String sizeName() {
			int bytes = Integer.parseInt(this.size);
			return (bytes % 1024 == 0) ? (bytes / 1024) + " KiB" : bytes + " B";
		}

	}

	/**
	 * One line of the table, already formatted.
	 *
	 * @param flow what was measured, with its unit
	 * @param raw raw JeroMQ
	 * @param starter zmq-spring
	 * @param springIntegration spring-integration-zeromq or —
	 * @param ratio starter/raw
	 * @param target the target
	 * @param met whether it is met, {@code null} when a side is missing
	 */
	record Line(String flow, String raw, String starter, String springIntegration, String ratio, String target,
			Boolean met) {

	}

	static String render(List<RunResult> results, Properties footprint, boolean quick, long minutes) {
		StringBuilder out = new StringBuilder();
		out.append("# zmq-spring benchmark results\n\n");
		out.append((quick ? "Quick mode" : "Full mode") + ", " + minutes + " min, "
				+ Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
				+ ". Throughput counted as received (replies for requests); latency in µs.\n\n");
		out.append("| flow | raw JeroMQ | zmq-spring | spring-integration | starter/raw | target | met |\n");
		out.append("|---|---:|---:|---:|---:|---|---|\n");
		List<Point> points = points(results);
		for (Line line : lines(points, footprint)) {
			out.append("| ")
				.append(String.join(" | ", line.flow(), line.raw(), line.starter(), line.springIntegration(),
						line.ratio(), line.target(), met(line.met())))
				.append(" |\n");
		}
		out.append('\n');
		CurveReport.costTable(points, out);
		if (!footprint.isEmpty()) {
			footprintDetails(out, footprint);
		}
		return out.toString();
	}

	/**
	 * Group the runs by flow and parameter point, in the order they ran.
	 */
	static List<Point> points(List<RunResult> results) {
		Map<String, Point> points = new LinkedHashMap<>();
		for (RunResult result : results) {
			String[] parts = result.getParams().getBenchmark().split("\\.");
			String flow = parts[parts.length - 2];
			String method = parts[parts.length - 1];
			// the tcp byte[]-only states have no transport or payload parameter
			String transport = Objects.requireNonNullElse(result.getParams().getParam("transport"), "TCP");
			String kind = Objects.requireNonNullElse(result.getParams().getParam("payload"), "BYTES");
			String size = result.getParams().getParam("size");
			String security = result.getParams().getParam("security");
			points
				.computeIfAbsent(flow + "|" + transport + "|" + kind + "|" + size + "|" + security,
						(key) -> new Point(flow, transport, kind, size, security, new LinkedHashMap<>()))
				.byMethod()
				.put(method, result);
		}
		return new ArrayList<>(points.values());
	}

	static List<Line> lines(List<Point> points, Properties footprint) {
		List<Line> lines = new ArrayList<>();
		for (Point point : points) {
			switch (point.flow()) {
				case "PushPullBenchmark" -> lines.add(streaming("push → pull", point));
				case "PubSubBenchmark" -> lines.add(streaming("publish → subscribe", point));
				case "RequestLatencyBenchmark" -> latency(point, lines);
				case "BlockingCallersBenchmark" -> lines.add(throughput("16 blocking callers, request", point,
						primary(point.raw()), primary(point.starter()), 1.0));
				case "AsyncInFlightBenchmark" -> lines.add(throughput("1 thread, 16 requestAsync in flight", point,
						delivered(point.raw()), delivered(point.starter()), 0.6));
				case "CurvePushPullBenchmark", "CurveRequestLatencyBenchmark" -> CurveReport.lines(point, lines);
				default -> {
					// a benchmark this report does not know: left out rather than guessed
				}
			}
		}
		if (footprint.isEmpty()) {
			// -Dbench.include: the footprint did not run
			return lines;
		}
		double idle = Double.parseDouble(footprint.getProperty("idle.process.percent", "NaN"));
		lines.add(new Line("idle CPU, 10 listeners, whole process (% of a core)", "—",
				String.format(Locale.ROOT, "%.2f %%", idle), "—", "—", "< 1 % of a core",
				Double.isNaN(idle) ? null : idle < 1));
		return lines;
	}

	private static Line streaming(String title, Point point) {
		Double raw = delivered(point.raw());
		Double starter = delivered(point.starter());
		Double ratio = ratio(starter, raw);
		String target;
		double least;
		if ("JSON".equals(point.payload())) {
			least = 1 / 1.5;
			target = "≥ 67 % of raw + Jackson";
		}
		else {
			least = "TCP".equals(point.transport()) ? 0.9 : 0.5;
			target = "≥ " + Math.round(least * 100) + " % of raw";
		}
		return new Line(title + ", " + point.describe() + " (msg/s)", number(raw), number(starter),
				number(delivered(point.springIntegration())), percent(ratio), target,
				(ratio != null) ? ratio >= least : null);
	}

	private static void latency(Point point, List<Line> lines) {
		double medianLimit = "JSON".equals(point.payload()) ? 1.5 : 1.1;
		lines.add(latencyLine("sequential request ", point, 50, "median", medianLimit));
		lines.add(latencyLine("sequential request ", point, 99, "p99", 2.0));
	}

	static Line latencyLine(String title, Point point, double percentile, String name, double limit) {
		Double raw = percentile(point.raw(), percentile);
		Double starter = percentile(point.starter(), percentile);
		Double ratio = ratio(starter, raw);
		return new Line(title + name + ", " + point.describe() + " (µs)", decimal(raw), decimal(starter), "—",
				times(ratio), "≤ " + limit + "× raw " + name, (ratio != null) ? ratio <= limit : null);
	}

	private static Line throughput(String title, Point point, Double raw, Double starter, double least) {
		Double ratio = ratio(starter, raw);
		return new Line(title + ", " + point.describe() + " (req/s)", number(raw), number(starter), "—", percent(ratio),
				"≥ " + Math.round(least * 100) + " % of raw", (ratio != null) ? ratio >= least : null);
	}

	/** The streaming rate: what arrived per second, not invocations per second. */
	static Double delivered(RunResult run) {
		if (run == null) {
			return null;
		}
		Result<?> received = run.getSecondaryResults().get(Delivered.LABEL);
		return (received != null) ? received.getScore() : null;
	}

	private static Double primary(RunResult run) {
		return (run != null) ? run.getPrimaryResult().getScore() : null;
	}

	static Double percentile(RunResult run, double percentile) {
		return (run != null) ? run.getPrimaryResult().getStatistics().getPercentile(percentile) : null;
	}

	static Double ratio(Double starter, Double raw) {
		return (starter != null && raw != null && raw > 0) ? starter / raw : null;
	}

	private static void footprintDetails(StringBuilder out, Properties figures) {
		out.append("Footprint details (no targets): idle CPU of the ZeroMQ and listener threads ")
			.append(figures.getProperty("idle.zmq.percent"))
			.append(" % (")
			.append(figures.getProperty("idle.zmq.threads"))
			.append(" threads) over ")
			.append(figures.getProperty("idle.window.s"))
			.append(" s; startup added by 10 listeners ")
			.append(figures.getProperty("startup.added.ms"))
			.append(" ms (median of ")
			.append(figures.getProperty("startup.runs"))
			.append(": ")
			.append(figures.getProperty("startup.with.ms"))
			.append(" ms with, ")
			.append(figures.getProperty("startup.without.ms"))
			.append(" ms without); heap per listener ")
			.append(figures.getProperty("memory.heap.per.listener.kib"))
			.append(" KiB, threads per listener ")
			.append(figures.getProperty("memory.threads.per.listener"))
			.append(".\n");
	}

	static String number(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%,.0f", value) : "—";
	}

	static String decimal(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f", value) : "—";
	}

	static String percent(Double ratio) {
		return (ratio != null) ? String.format(Locale.ROOT, "%.0f %%", ratio * 100) : "—";
	}

	static String times(Double ratio) {
		return (ratio != null) ? String.format(Locale.ROOT, "%.2f×", ratio) : "—";
	}

	private static String met(Boolean met) {
		return (met == null) ? "—" : (met ? "yes" : "**no**");
	}

}

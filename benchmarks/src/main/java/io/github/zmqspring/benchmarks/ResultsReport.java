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
import java.util.Properties;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Renders the results as Markdown: one table per flow with the starter's ratio to raw
 * JeroMQ (and to spring-integration-zeromq) next to the targets of issue 4.
 *
 * @author zmq-spring contributors
 */
final class ResultsReport {

	private ResultsReport() {
	}

	/**
	 * One measured benchmark.
	 *
	 * @param flow the benchmark class simple name
	 * @param method the benchmark method
	 * @param key transport / payload / size
	 * @param result the primary result
	 */
	record Row(String flow, String method, String key, Result<?> result) {

		double score() {
			return this.result.getScore();
		}

		double percentile(double p) {
			return this.result.getStatistics().getPercentile(p);
		}

	}

	static String render(List<RunResult> results, Properties footprint, boolean quick, long minutes) {
		Map<String, Map<String, Row>> byFlowAndKey = new LinkedHashMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			String[] parts = benchmark.split("\\.");
			String flow = parts[parts.length - 2];
			String method = parts[parts.length - 1];
			String payload = result.getParams().getParam("payload");
			String key = result.getParams().getParam("transport") + " | " + ((payload != null) ? payload : "BYTES")
					+ " | " + result.getParams().getParam("size");
			byFlowAndKey.computeIfAbsent(flow + "#" + key, (k) -> new LinkedHashMap<>())
				.put(method, new Row(flow, method, key, result.getPrimaryResult()));
		}
		StringBuilder out = new StringBuilder();
		out.append("# zmq-spring benchmark results\n\n");
		out.append((quick ? "Quick mode" : "Full mode") + ", " + minutes + " min, "
				+ Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
				+ ". Throughput in messages (requests) per second, counted as received; latency in µs.\n\n");
		throughput(out, "push → pull", "PushPullBenchmark", byFlowAndKey);
		throughput(out, "publish → subscribe", "PubSubBenchmark", byFlowAndKey);
		latency(out, byFlowAndKey);
		concurrent(out, byFlowAndKey);
		footprint(out, footprint);
		return out.toString();
	}

	private static List<Map<String, Row>> rows(String flow, Map<String, Map<String, Row>> byFlowAndKey) {
		List<Map<String, Row>> rows = new ArrayList<>();
		byFlowAndKey.forEach((key, row) -> {
			if (key.startsWith(flow + "#")) {
				rows.add(row);
			}
		});
		return rows;
	}

	private static void throughput(StringBuilder out, String title, String flow,
			Map<String, Map<String, Row>> byFlowAndKey) {
		out.append("## ").append(title).append(" (msg/s)\n\n");
		out.append("| transport | payload | size (B) | raw JeroMQ | zmq-spring | spring-integration "
				+ "| starter/raw | starter/SI | target | met |\n");
		out.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
		for (Map<String, Row> row : rows(flow, byFlowAndKey)) {
			Row raw = row.get("raw");
			Row starter = row.get("starter");
			Row si = row.get("springIntegration");
			Row any = (starter != null) ? starter : ((raw != null) ? raw : si);
			Double toRaw = (raw != null && starter != null) ? starter.score() / raw.score() : null;
			Double toSi = (si != null && starter != null) ? starter.score() / si.score() : null;
			String payload = any.key().split(" \\| ")[1];
			String target;
			Boolean met;
			if ("JSON".equals(payload)) {
				target = "≥ 67 % of raw (cost ≤ 1.5× Jackson by hand)";
				met = (toRaw != null) ? toRaw >= 1 / 1.5 : null;
			}
			else if ("BYTES".equals(payload)) {
				target = "≥ 90 % of raw" + ((si != null) ? ", > SI" : "");
				met = (toRaw != null) ? toRaw >= 0.9 && (toSi == null || toSi > 1) : null;
			}
			else {
				target = "—";
				met = null;
			}
			out.append("| ")
				.append(any.key())
				.append(" | ")
				.append(number(raw))
				.append(" | ")
				.append(number(starter))
				.append(" | ")
				.append(number(si))
				.append(" | ")
				.append(percent(toRaw))
				.append(" | ")
				.append(percent(toSi))
				.append(" | ")
				.append(target)
				.append(" | ")
				.append(met(met))
				.append(" |\n");
		}
		out.append('\n');
	}

	private static void latency(StringBuilder out, Map<String, Map<String, Row>> byFlowAndKey) {
		out.append("## request → reply, sequential latency (µs)\n\n");
		out.append(
				"| transport | payload | size (B) | raw REQ/REP median | raw p99 | zmq-spring median | zmq-spring p99 "
						+ "| starter/raw median | target | met |\n");
		out.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
		for (Map<String, Row> row : rows("RequestLatencyBenchmark", byFlowAndKey)) {
			Row raw = row.get("raw");
			Row starter = row.get("starter");
			Row any = (starter != null) ? starter : raw;
			Double ratio = (raw != null && starter != null) ? starter.percentile(50) / raw.percentile(50) : null;
			boolean json = any.key().contains("JSON");
			double limit = json ? 1.5 : 1.2;
			out.append("| ")
				.append(any.key())
				.append(" | ")
				.append(decimal(raw, 50))
				.append(" | ")
				.append(decimal(raw, 99))
				.append(" | ")
				.append(decimal(starter, 50))
				.append(" | ")
				.append(decimal(starter, 99))
				.append(" | ")
				.append((ratio != null) ? String.format(Locale.ROOT, "%.2f×", ratio) : "—")
				.append(" | ≤ ")
				.append(limit)
				.append("× raw | ")
				.append(met((ratio != null) ? ratio <= limit : null))
				.append(" |\n");
		}
		out.append('\n');
	}

	private static void concurrent(StringBuilder out, Map<String, Map<String, Row>> byFlowAndKey) {
		out.append("## request → reply, 16 in flight (req/s)\n\n");
		out.append("| transport | payload | size (B) | raw: 1 DEALER, 16 in flight | zmq-spring: 16 callers "
				+ "| starter/raw | target | met |\n");
		out.append("|---|---|---|---:|---:|---:|---|---|\n");
		for (Map<String, Row> row : rows("RequestThroughputBenchmark", byFlowAndKey)) {
			Row raw = row.get("rawDealer");
			Row starter = row.get("starter");
			Row any = (starter != null) ? starter : raw;
			Double ratio = (raw != null && starter != null) ? starter.score() / raw.score() : null;
			out.append("| ")
				.append(any.key())
				.append(" | ")
				.append(number(raw))
				.append(" | ")
				.append(number(starter))
				.append(" | ")
				.append(percent(ratio))
				.append(" | ≥ 80 % of raw | ")
				.append(met((ratio != null) ? ratio >= 0.8 : null))
				.append(" |\n");
		}
		out.append('\n');
	}

	private static void footprint(StringBuilder out, Properties figures) {
		out.append("## footprint\n\n");
		out.append("| measure | value | target | met |\n|---|---:|---|---|\n");
		double idle = Double.parseDouble(figures.getProperty("idle.process.percent", "NaN"));
		out.append("| idle CPU, whole process, 10 listeners, " + figures.getProperty("idle.window.s") + " s | ")
			.append(String.format(Locale.ROOT, "%.2f %%", idle))
			.append(" | < 1 % of a core | ")
			.append(met(idle < 1))
			.append(" |\n");
		out.append("| idle CPU of ZeroMQ and listener threads (" + figures.getProperty("idle.zmq.threads")
				+ " threads) | " + figures.getProperty("idle.zmq.percent") + " % | — | |\n");
		double added = Double.parseDouble(figures.getProperty("startup.added.ms", "NaN"));
		out.append("| startup added by the starter, 10 listeners (median of " + figures.getProperty("startup.runs")
				+ ": " + figures.getProperty("startup.with.ms") + " ms with, "
				+ figures.getProperty("startup.without.ms") + " ms without) | ")
			.append(String.format(Locale.ROOT, "%.1f ms", added))
			.append(" | < 100 ms | ")
			.append(met(added < 100))
			.append(" |\n");
		out.append("| heap per listener (after GC, " + figures.getProperty("memory.listeners") + " listeners vs 0) | "
				+ figures.getProperty("memory.heap.per.listener.kib") + " KiB | — | |\n");
		out.append("| threads per listener | " + figures.getProperty("memory.threads.per.listener") + " | — | |\n\n");
	}

	private static String number(Row row) {
		return (row != null) ? String.format(Locale.ROOT, "%,.0f", row.score()) : "—";
	}

	private static String decimal(Row row, double percentile) {
		return (row != null) ? String.format(Locale.ROOT, "%.1f", row.percentile(percentile)) : "—";
	}

	private static String percent(Double ratio) {
		return (ratio != null) ? String.format(Locale.ROOT, "%.0f %%", ratio * 100) : "—";
	}

	private static String met(Boolean met) {
		return (met == null) ? "—" : (met ? "yes" : "**no**");
	}

}

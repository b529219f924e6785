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

import java.util.List;
import java.util.function.Function;

import org.openjdk.jmh.results.RunResult;

import io.github.zmqspring.benchmarks.ResultsReport.Line;
import io.github.zmqspring.benchmarks.ResultsReport.Point;

/**
 * The CURVE part of the report. In the main table: a row per CURVE point of
 * {@link CurvePushPullBenchmark} and {@link CurveRequestLatencyBenchmark} (the NULL
 * points repeat rows the table has already), starter against raw, both with CURVE. Below
 * it: what CURVE costs each side, its CURVE figure against its own NULL figure of the
 * same run.
 *
 * @author zmq-spring contributors
 */
final class CurveReport {

	private CurveReport() {
	}

	/**
	 * Add the main table's rows of a CURVE point; a NULL point adds none.
	 * @param point a point of a CURVE benchmark
	 * @param lines the rows so far
	 */
	static void lines(Point point, List<Line> lines) {
		if (!Security.CURVE.name().equals(point.security())) {
			return;
		}
		double least = least(point);
		if ("CurvePushPullBenchmark".equals(point.flow())) {
			Double raw = ResultsReport.delivered(point.raw());
			Double starter = ResultsReport.delivered(point.starter());
			Double ratio = ResultsReport.ratio(starter, raw);
			lines.add(new Line("CURVE push → pull, " + point.describe() + " (msg/s)", ResultsReport.number(raw),
					ResultsReport.number(starter), "—", ResultsReport.percent(ratio),
					"≥ " + Math.round(least * 100) + " % of raw CURVE", (ratio != null) ? ratio >= least : null));
		}
		else {
			// a latency at least `least` as fast as raw's: at most 1 / least times raw's
			double limit = Math.round(100 / least) / 100.0;
			lines.add(ResultsReport.latencyLine("CURVE sequential request ", point, 50, "median", limit));
			lines.add(ResultsReport.latencyLine("CURVE sequential request ", point, 99, "p99", 2.0));
		}
	}

	/**
	 * The least share of raw's rate the starter must reach with CURVE: 90 % for 64 KiB
	 * frames, where encryption dominates both sides; 80 % below, where the per-message
	 * work of each side weighs more.
	 */
	private static double least(Point point) {
		return (Integer.parseInt(point.size()) >= 65536) ? 0.9 : 0.8;
	}

	/**
	 * Append the CURVE cost table, if the CURVE benchmarks ran.
	 * @param points every point of the run
	 * @param out the report
	 */
	static void costTable(List<Point> points, StringBuilder out) {
		List<Point> curve = points.stream().filter((point) -> Security.CURVE.name().equals(point.security())).toList();
		if (curve.isEmpty()) {
			return;
		}
		out.append("CURVE cost: each side's CURVE figure against its own NULL figure, same run "
				+ "(rates: CURVE/NULL, under 100 % is slower; latencies: CURVE/NULL, over 1× is slower).\n\n");
		out.append("| flow | raw NULL | raw CURVE | raw CURVE/NULL "
				+ "| zmq-spring NULL | zmq-spring CURVE | zmq-spring CURVE/NULL |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (Point point : curve) {
			Point plain = points.stream()
				.filter((other) -> other.flow().equals(point.flow()) && other.size().equals(point.size())
						&& Security.NULL.name().equals(other.security()))
				.findFirst()
				.orElse(null);
			if ("CurvePushPullBenchmark".equals(point.flow())) {
				row(out, "push → pull, " + point.describe() + " (msg/s)", plain, point, ResultsReport::delivered,
						ResultsReport::number, ResultsReport::percent);
			}
			else {
				for (int percentile : new int[] { 50, 99 }) {
					String name = (percentile == 50) ? "median" : "p99";
					row(out, "sequential request " + name + ", " + point.describe() + " (µs)", plain, point,
							(run) -> ResultsReport.percentile(run, percentile), ResultsReport::decimal,
							ResultsReport::times);
				}
			}
		}
		out.append('\n');
	}

	private static void row(StringBuilder out, String flow, Point plain, Point curve,
			Function<RunResult, Double> figure, Function<Double, String> value, Function<Double, String> cost) {
		Double rawNull = (plain != null) ? figure.apply(plain.raw()) : null;
		Double rawCurve = figure.apply(curve.raw());
		Double starterNull = (plain != null) ? figure.apply(plain.starter()) : null;
		Double starterCurve = figure.apply(curve.starter());
		out.append("| ")
			.append(String.join(" | ", flow, value.apply(rawNull), value.apply(rawCurve),
					cost.apply(ResultsReport.ratio(rawCurve, rawNull)), value.apply(starterNull),
					value.apply(starterCurve), cost.apply(ResultsReport.ratio(starterCurve, starterNull))))
			.append(" |\n");
	}

}

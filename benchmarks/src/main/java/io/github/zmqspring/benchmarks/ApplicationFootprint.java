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
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What the starter costs an application besides messages, measured in a fresh JVM:
 * <ul>
 * <li>idle CPU of an application with 10 listeners: process CPU time over a quiet window
 * after startup, as a percentage of one core (and the part spent on ZeroMQ and listener
 * threads);</li>
 * <li>startup time the starter adds for 10 listeners: median of cold
 * {@code SpringApplication} runs with the listeners, minus the median of the same
 * application with {@code ZmqAutoConfiguration} excluded (its listener beans are then
 * plain beans), alternating, after warm-up runs of both;</li>
 * <li>memory per listener: heap used after GC with 100 listeners minus with none, divided
 * by 100, and threads per listener the same way.</li>
 * </ul>
 * Run as {@code main(quick, outputFile)}; writes the figures as properties.
 *
 * @author zmq-spring contributors
 */
public final class ApplicationFootprint {

	private static final String EXCLUDE_ZMQ = "io.github.zmqspring.autoconfigure.ZmqAutoConfiguration";

	private ApplicationFootprint() {
	}

	public static void main(String[] args) throws IOException {
		boolean quick = Boolean.parseBoolean(args[0]);
		Path output = Path.of(args[1]);
		Properties figures = new Properties();
		measureStartup(quick, figures);
		measureIdleCpu(quick, figures);
		measureMemory(figures);
		try (OutputStream out = Files.newOutputStream(output)) {
			figures.store(out, "zmq-spring footprint");
		}
		System.exit(0);
	}

	static void measureStartup(boolean quick, Properties figures) {
		int warmUp = quick ? 3 : 5;
		int runs = quick ? 5 : 15;
		for (int i = 0; i < warmUp; i++) {
			timeStartup(true);
			timeStartup(false);
		}
		List<Long> with = new ArrayList<>();
		List<Long> without = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			with.add(timeStartup(true));
			without.add(timeStartup(false));
		}
		double withMs = median(with) / 1e6;
		double withoutMs = median(without) / 1e6;
		figures.setProperty("startup.runs", Integer.toString(runs));
		figures.setProperty("startup.with.ms", format(withMs));
		figures.setProperty("startup.without.ms", format(withoutMs));
		figures.setProperty("startup.added.ms", format(withMs - withoutMs));
	}

	private static long timeStartup(boolean zmq) {
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application(zmq, 1);
		long elapsed = System.nanoTime() - start;
		context.close();
		return elapsed;
	}

	static void measureIdleCpu(boolean quick, Properties figures) {
		long windowMillis = quick ? 5_000 : 10_000;
		try (ConfigurableApplicationContext context = application(true, 1)) {
			pause(2_000);
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<Long, Long> zmqBefore = zmqThreadCpu(threads);
			long cpuBefore = os.getProcessCpuTime();
			long wallBefore = System.nanoTime();
			pause(windowMillis);
			long cpu = os.getProcessCpuTime() - cpuBefore;
			long wall = System.nanoTime() - wallBefore;
			Map<Long, Long> zmqAfter = zmqThreadCpu(threads);
			long zmqCpu = 0;
			for (Map.Entry<Long, Long> entry : zmqAfter.entrySet()) {
				zmqCpu += entry.getValue() - zmqBefore.getOrDefault(entry.getKey(), 0L);
			}
			figures.setProperty("idle.window.s", format(wall / 1e9));
			figures.setProperty("idle.process.percent", format(100.0 * cpu / wall));
			figures.setProperty("idle.zmq.percent", format(100.0 * zmqCpu / wall));
			figures.setProperty("idle.zmq.threads", Integer.toString(zmqAfter.size()));
		}
	}

	/**
	 * CPU time of the listener threads ({@code zmq-*}) and JeroMQ's own threads.
	 */
	private static Map<Long, Long> zmqThreadCpu(ThreadMXBean threads) {
		Map<Long, Long> cpu = new HashMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			String name = info.getThreadName();
			if (name.startsWith("zmq-") || name.startsWith("reaper-") || name.startsWith("iothread-")) {
				long time = threads.getThreadCpuTime(info.getThreadId());
				if (time >= 0) {
					cpu.put(info.getThreadId(), time);
				}
			}
		}
		return cpu;
	}

	static void measureMemory(Properties figures) {
		int beans = 10;
		long heapNone;
		int threadsNone;
		try (ConfigurableApplicationContext context = application(true, 0)) {
			heapNone = heapAfterGc();
			threadsNone = Thread.activeCount();
		}
		long heapHundred;
		int threadsHundred;
		try (ConfigurableApplicationContext context = application(true, beans)) {
			heapHundred = heapAfterGc();
			threadsHundred = Thread.activeCount();
		}
		int listeners = beans * 10;
		figures.setProperty("memory.listeners", Integer.toString(listeners));
		figures.setProperty("memory.heap.per.listener.kib", format((heapHundred - heapNone) / 1024.0 / listeners));
		figures.setProperty("memory.threads.per.listener", format((threadsHundred - threadsNone) / (double) listeners));
	}

	/**
	 * Start the benchmark application with {@code beans} beans of
	 * {@link FootprintListeners} (10 listeners each).
	 */
	static ConfigurableApplicationContext application(boolean zmq, int beans) {
		Map<String, Object> properties = new HashMap<>(StarterFixture.quietProperties());
		if (!zmq) {
			properties.put("spring.autoconfigure.exclude", EXCLUDE_ZMQ);
		}
		return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.properties(properties)
			.initializers((context) -> {
				for (int i = 0; i < beans; i++) {
					((GenericApplicationContext) context).registerBean("footprintListeners" + i,
							FootprintListeners.class);
				}
			})
			.run();
	}

	private static long heapAfterGc() {
		for (int i = 0; i < 5; i++) {
			System.gc();
			pause(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static double median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

	private static String format(double value) {
		return String.format(java.util.Locale.ROOT, "%.3f", value);
	}

}

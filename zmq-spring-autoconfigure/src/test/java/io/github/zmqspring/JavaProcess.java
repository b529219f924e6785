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

package io.github.zmqspring;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Spring application started in its own JVM with the test class path, so a test can
 * kill it like a crashed server. Its output is collected line by line.
 */
public final class JavaProcess implements AutoCloseable {

	private static final String JAVA = System.getProperty("java.home") + File.separator + "bin" + File.separator
			+ "java";

	private final Process process;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private JavaProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "test-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a main class in a new JVM.
	 * @param mainClass the class with the main method
	 * @param args its arguments
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	public static JavaProcess start(Class<?> mainClass, String... args) throws IOException {
		return start(List.of(), mainClass, args);
	}

	/**
	 * Start a main class in a new JVM with JVM options.
	 * @param jvmOptions options such as {@code -Xmx96m}
	 * @param mainClass the class with the main method
	 * @param args its arguments
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	public static JavaProcess start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(JAVA, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
		command.addAll(List.of(args));
		return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * Write one line to the process's standard input.
	 * @param line the line
	 * @throws IOException if the process's input is closed
	 */
	public void send(String line) throws IOException {
		this.process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
		this.process.getOutputStream().flush();
	}

	/**
	 * Wait for the next line starting with a prefix printed after the lines already seen.
	 * @param prefix the prefix
	 * @param seen how many lines were printed before (see {@link #output()})
	 * @param timeout how long to wait
	 * @return the line
	 */
	public String awaitLineStartingWith(String prefix, int seen, Duration timeout) {
		await().atMost(timeout)
			.failFast("process ended:\n" + String.join("\n", this.output), () -> !this.process.isAlive())
			.until(() -> this.output.stream().skip(seen).anyMatch((line) -> line.startsWith(prefix)));
		return this.output.stream().skip(seen).filter((line) -> line.startsWith(prefix)).findFirst().orElseThrow();
	}

	/**
	 * Wait until the process printed a line.
	 * @param line the exact line
	 * @param timeout how long to wait
	 * @return this process
	 */
	public JavaProcess awaitLine(String line, Duration timeout) {
		await().atMost(timeout)
			.failFast("process ended:\n" + String.join("\n", this.output), () -> !this.process.isAlive())
			.until(() -> this.output.contains(line));
		return this;
	}

	/**
	 * Return what the process printed so far.
	 * @return the lines
	 */
	public List<String> output() {
		return this.output;
	}

	/**
	 * Kill the process as a crash would (SIGKILL) and wait until it is gone.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("process " + this.process.pid() + " survived SIGKILL for 10 s");
		}
	}

	/**
	 * Return the underlying process.
	 * @return the process
	 */
	public Process process() {
		return this.process;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

}

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

package io.github.zmqspring.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.listener.ZmqListenerContainer;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A ZeroMQ peer written in Python (pyzmq on libzmq): runs {@code /usr/bin/python3} on one
 * of the scripts under {@code src/test/resources/interop}, reads its stdout lines (JSON)
 * with bounded waits, and ends the process when closed.
 *
 * @author zmq-spring contributors
 */
public final class PythonPeer implements AutoCloseable {

	static final String PYTHON = "/usr/bin/python3";

	static final String MISSING = "python3-zmq missing: apt-get install python3-zmq";

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = new JsonMapper();

	private static volatile Boolean available;

	private final String script;

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final StringBuffer stderr = new StringBuffer();

	private PythonPeer(String script, Process process) {
		this.script = script;
		this.process = process;
		pump(process.getInputStream(), this.lines::add, "stdout");
		pump(process.getErrorStream(), (line) -> this.stderr.append(line).append('\n'), "stderr");
	}

	/**
	 * Skip the calling test when pyzmq is not installed, or fail it when running on CI
	 * ({@code CI=true}).
	 */
	public static void assumePyzmq() {
		if (available == null) {
			available = probe();
		}
		if (!available) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(MISSING);
			}
			Assumptions.abort(MISSING);
		}
	}

	private static boolean probe() {
		try {
			Process probe = new ProcessBuilder(PYTHON, "-c", "import zmq").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!probe.waitFor(10, TimeUnit.SECONDS)) {
				probe.destroyForcibly();
				return false;
			}
			return probe.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Start a script with arguments.
	 * @param script the file name under {@code interop/}, for example
	 * {@code rep_server.py}
	 * @param args its arguments
	 * @return the running peer
	 */
	public static PythonPeer start(String script, String... args) {
		assumePyzmq();
		Path path = scriptPath(script);
		List<String> command = new ArrayList<>();
		command.add(PYTHON);
		command.add("-u");
		command.add(path.toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(path.getParent().toFile()).start();
			return new PythonPeer(script, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	private static Path scriptPath(String script) {
		URL url = PythonPeer.class.getResource("/interop/" + script);
		if (url == null) {
			throw new IllegalArgumentException("No script interop/" + script + " on the test classpath");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void pump(InputStream stream, Consumer<String> sink, String name) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					sink.accept(line);
				}
			}
			catch (IOException ex) {
				// process ended
			}
		}, "python-peer-" + name);
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Wait for the next stdout line, parsed as JSON.
	 * @param timeout how long to wait
	 * @return the line as a JSON tree
	 */
	public JsonNode nextJson(Duration timeout) {
		String line = nextLine(timeout);
		try {
			return JSON.readTree(line);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("Not a JSON line from " + this.script + ": " + line + describeStderr(), ex);
		}
	}

	/**
	 * Wait for the next stdout line, parsed as JSON, up to 10 seconds.
	 * @return the line as a JSON tree
	 */
	JsonNode nextJson() {
		return nextJson(DEFAULT_WAIT);
	}

	/**
	 * Wait for the next stdout line.
	 * @param timeout how long to wait
	 * @return the line
	 */
	String nextLine(Duration timeout) {
		try {
			String line = this.lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (line == null) {
				throw new AssertionError("No output from " + this.script + " within " + timeout + " (alive: "
						+ this.process.isAlive() + ")" + describeStderr());
			}
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + this.script, ex);
		}
	}

	/**
	 * Return the next stdout line if one is there already.
	 * @return the line as a JSON tree, or {@code null}
	 */
	JsonNode pollJson() {
		String line = this.lines.poll();
		return (line != null) ? JSON.readTree(line) : null;
	}

	/**
	 * Wait for the first line and return its {@code port} field: the port the script
	 * bound.
	 * @return the port
	 */
	int port() {
		return intField(nextJson(), "port");
	}

	int intField(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isInt()) {
			throw new AssertionError("Expected '" + name + "' in " + node + " from " + this.script + describeStderr());
		}
		return value.intValue();
	}

	/**
	 * Ask the script to stop (a {@code stop} line on its stdin).
	 */
	void stop() {
		try {
			OutputStream stdin = this.process.getOutputStream();
			stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
			stdin.flush();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	/**
	 * Wait for the process to end.
	 * @param timeout how long to wait
	 * @return the exit code
	 */
	public int waitForExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(this.script + " still running after " + timeout + describeStderr());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + this.script, ex);
		}
	}

	/**
	 * Return the address a listener bound, for a peer on this host to connect to.
	 * @param context the running application context
	 * @param listenerId the listener id
	 * @return for example {@code tcp://127.0.0.1:54321}
	 */
	static String boundAddress(ApplicationContext context, String listenerId) {
		ZmqListenerContainer container = context.getBean(ZmqListenerEndpointRegistry.class)
			.getListenerContainer(listenerId);
		assertThat(container).as("listener %s", listenerId).isNotNull();
		List<String> bound = container.getBoundAddresses();
		assertThat(bound).as("bound addresses of %s", listenerId).hasSize(1);
		String address = bound.get(0);
		return "tcp://127.0.0.1:" + address.substring(address.lastIndexOf(':') + 1);
	}

	/**
	 * Kill the process at once (SIGKILL), as a crash would, and wait for it to be gone.
	 */
	void kill() {
		try {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Send a signal with {@code kill -<signal> <pid>}, for example {@code STOP} to freeze
	 * the process and {@code CONT} to resume it.
	 * @param signal the signal name without {@code SIG}
	 */
	void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid()))
				.redirectErrorStream(true)
				.start();
			assertThat(kill.waitFor(5, TimeUnit.SECONDS)).as("kill -%s finished", signal).isTrue();
			assertThat(kill.exitValue()).as("kill -%s exit code", signal).isZero();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while sending SIG" + signal, ex);
		}
	}

	String stderr() {
		return this.stderr.toString();
	}

	private String describeStderr() {
		String text = this.stderr.toString();
		return text.isEmpty() ? "" : "\n--- stderr of " + this.script + " ---\n" + text;
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already gone
		}
		try {
			if (!this.process.waitFor(1, TimeUnit.SECONDS)) {
				this.process.destroy();
				if (!this.process.waitFor(1, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}

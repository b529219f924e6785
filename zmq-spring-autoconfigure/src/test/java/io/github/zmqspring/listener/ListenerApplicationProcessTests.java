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

package io.github.zmqspring.listener;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.zmqspring.ZmqTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real application in its own JVM: listeners alone keep it running after {@code main}
 * returns, and SIGTERM stops it promptly and cleanly.
 */
class ListenerApplicationProcessTests {

	private static final String JAVA = System.getProperty("java.home") + File.separator + "bin" + File.separator
			+ "java";

	private final List<String> output = new CopyOnWriteArrayList<>();

	private Process process;

	@AfterEach
	void killProcess() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void listenersKeepTheApplicationUpAndSigtermStopsItPromptly() throws Exception {
		this.process = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
				ListenerOnlyApplication.class.getName())
			.redirectErrorStream(true)
			.start();
		Thread reader = new Thread(this::readOutput, "test-output-reader");
		reader.setDaemon(true);
		reader.start();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.output.contains("MAIN RETURNED") || !this.process.isAlive());
		String address = this.output.stream()
			.filter((line) -> line.startsWith("BOUND "))
			.map((line) -> line.substring("BOUND ".length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no bound address printed: " + this.output));

		// main has returned; the listener thread alone keeps the JVM alive and serving
		assertThat(ZmqTestSupport.rawRequestText(address, "pid".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("Hello pid");
		assertThat(this.process.isAlive()).isTrue();

		long start = System.nanoTime();
		// SIGTERM through the handle: Process.destroy() would also close our end of its
		// output
		assertThat(this.process.toHandle().destroy()).isTrue();
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(this.process.exitValue()).isEqualTo(143);
		assertThat(took).isLessThan(Duration.ofSeconds(10));
		reader.join(5000);
		assertThat(this.output).as(String.join("\n", this.output))
			.anyMatch((line) -> line.contains("Stopped @ZmqReplier"));
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

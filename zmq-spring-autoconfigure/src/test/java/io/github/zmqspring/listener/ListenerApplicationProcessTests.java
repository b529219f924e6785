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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.zmqspring.JavaProcess;
import io.github.zmqspring.ZmqTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real application in its own JVM: listeners alone keep it running after {@code main}
 * returns, and SIGTERM stops it promptly and cleanly.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ListenerApplicationProcessTests {

	@Test
	void listenersKeepTheApplicationUpAndSigtermStopsItPromptly() throws Exception {
		try (JavaProcess application = JavaProcess.start(ListenerOnlyApplication.class)) {
			application.awaitLine("MAIN RETURNED", Duration.ofSeconds(60));
			String address = application.output()
				.stream()
				.filter((line) -> line.startsWith("BOUND "))
				.map((line) -> line.substring("BOUND ".length()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no bound address printed: " + application.output()));

			// main has returned; the listener thread alone keeps the JVM alive and
			// serving
			assertThat(ZmqTestSupport.rawRequestText(address, "pid".getBytes(StandardCharsets.UTF_8)))
				.isEqualTo("Hello pid");
			Process process = application.process();
			assertThat(process.isAlive()).isTrue();

			long start = System.nanoTime();
			// SIGTERM through the handle: Process.destroy() would also close our end of
			// its
			// output
			assertThat(process.toHandle().destroy()).isTrue();
			assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(process.exitValue()).isEqualTo(143);
			assertThat(took).isLessThan(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(application.output()).as(String.join("\n", application.output()))
					.anyMatch((line) -> line.contains("Stopped @ZmqReplier")));
		}
	}

}

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

package io.github.zmqspring.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * PLAIN between Spring services: the right password is served, a wrong one refused, and a
 * PLAIN socket on an address other hosts can reach is warned about once.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class PlainSecurityIntegrationTests {

	@Test
	void rightPasswordIsServedWrongOneRefusedAndANonLoopbackBindWarnedAboutOnce(CapturedOutput output) {
		int port = ZmqTestSupport.freePort();
		ZmqTestSupport.runner()
			.withBean(Greeter.class)
			.withPropertyValues("zmq.endpoints.plain-server.addresses=@tcp://*:" + port,
					"zmq.endpoints.plain-server.security.mechanism=plain",
					"zmq.endpoints.plain-server.security.plain.users.alice=wonderland-7",
					"zmq.endpoints.alice.addresses=>tcp://127.0.0.1:" + port,
					"zmq.endpoints.alice.security.mechanism=plain", "zmq.endpoints.alice.security.plain.username=alice",
					"zmq.endpoints.alice.security.plain.password=wonderland-7",
					"zmq.endpoints.mallory.addresses=>tcp://127.0.0.1:" + port,
					"zmq.endpoints.mallory.request-timeout=500ms", "zmq.endpoints.mallory.security.mechanism=plain",
					"zmq.endpoints.mallory.security.plain.username=alice",
					"zmq.endpoints.mallory.security.plain.password=guess-1234")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("alice", "one", String.class, Duration.ofSeconds(10)))
					.isEqualTo("hello one");
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request("mallory", "let me in", String.class));
				assertThat(template.request("alice", "two", String.class, Duration.ofSeconds(10)))
					.isEqualTo("hello two");
				// mallory's client keeps reconnecting: its refusal may come after its
				// request gave up
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(ZmqAuthenticator.class).refusedHandshakes() > 0);
			});
		String log = output.getAll();
		assertThat(log.split("PLAIN security on tcp://\\*:" + port, -1)).as("warnings about the bind").hasSize(2);
		assertThat(log).contains("refused a PLAIN client from 127.0.0.1 (user 'alice')");
		assertThat(log).doesNotContain("wonderland-7").doesNotContain("guess-1234");
	}

	static class Greeter {

		@ZmqReplier(value = "plain-server", id = "plain-greeter")
		String greet(String name) {
			return "hello " + name;
		}

	}

}

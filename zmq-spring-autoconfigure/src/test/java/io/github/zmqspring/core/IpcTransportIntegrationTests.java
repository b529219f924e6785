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

package io.github.zmqspring.core;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ipc://} works between JeroMQ sockets and is logged as emulated over TCP.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class IpcTransportIntegrationTests {

	@Test
	void ipcEndpointServesRequestsAndWarnsThatJeromqEmulatesIt(CapturedOutput output) {
		String address = "ipc://zmq-spring-test-" + UUID.randomUUID();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.local.addresses=" + address)
			.withBean(Echo.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("local", "ping", String.class, Duration.ofSeconds(5))).isEqualTo("ping!");
			});
		assertThat(output).contains("JeroMQ emulates ipc:// over TCP");
	}

	static class Echo {

		@ZmqReplier("local")
		String echo(String text) {
			return text + "!";
		}

	}

}

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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZCert;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqSocketOptions;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;

import static io.github.zmqspring.security.SecurityTestSupport.curveClient;
import static io.github.zmqspring.security.SecurityTestSupport.curveServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CURVE connection stays open while it is idle: the receive guard's handshake deadline
 * cannot hear CURVE traffic (JeroMQ decrypts each frame into a message the guard never
 * sees), so it must not apply to CURVE sockets.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CurveIdleConnectionTests {

	@Test
	void idleCurveConnectionOutlivesTheHandshakeDeadline() {
		ZCert server = ZmqTestSupport.newCurveCert();
		ZCert client = ZmqTestSupport.newCurveCert();
		int port = ZmqTestSupport.freePort();
		AtomicInteger drops = new AtomicInteger();
		// handshake deadline: 100 ms + 200 ms + the margin
		Duration deadline = Duration.ofMillis(300).plus(ZmqSocketOptions.HANDSHAKE_DEADLINE_MARGIN);
		ZmqTestSupport.runner().withBean(EchoReplier.class).withBean(ZmqSocketEventListener.class, () -> (event) -> {
			if (event.getType() == ZmqSocketEventType.PEER_DROPPED
					|| event.getType() == ZmqSocketEventType.DISCONNECTED) {
				drops.incrementAndGet();
			}
		})
			.withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:" + port, server, client))
			.withPropertyValues(curveClient("client", ">tcp://127.0.0.1:" + port, client, server.getPublicKeyAsZ85()))
			.withPropertyValues("zmq.endpoints.secure.handshake-interval=100ms",
					"zmq.endpoints.secure.heartbeat-interval=200ms", "zmq.endpoints.client.handshake-interval=100ms",
					"zmq.endpoints.client.heartbeat-interval=200ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("client", "one", String.class, Duration.ofSeconds(10)))
					.isEqualTo("echo one");
				await().during(deadline.multipliedBy(2))
					.atMost(deadline.multipliedBy(3))
					.untilAsserted(() -> assertThat(drops).hasValue(0));
				assertThat(template.request("client", "two", String.class, Duration.ofSeconds(10)))
					.isEqualTo("echo two");
				assertThat(drops).hasValue(0);
			});
	}

	static class EchoReplier {

		@ZmqReplier(value = "secure", id = "idle-echo")
		String echo(String text) {
			return "echo " + text;
		}

	}

}

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
import org.zeromq.ZCert;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;

import static io.github.zmqspring.security.SecurityTestSupport.curveClient;
import static io.github.zmqspring.security.SecurityTestSupport.curveServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Each side of a configured proxy takes the security of the endpoint it names: a queue
 * whose front end is a CURVE server for clients and whose back end is a CURVE server for
 * workers with keys of their own.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CurveProxyIntegrationTests {

	@Test
	void queueWithCurveOnBothSidesServesAllowedClientsThroughAllowedWorkersOnly() {
		ZCert front = ZmqTestSupport.newCurveCert();
		ZCert back = ZmqTestSupport.newCurveCert();
		ZCert client = ZmqTestSupport.newCurveCert();
		ZCert worker = ZmqTestSupport.newCurveCert();
		ZCert stranger = ZmqTestSupport.newCurveCert();
		int frontPort = ZmqTestSupport.freePort();
		int backPort = ZmqTestSupport.freePort();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.proxies.broker.type=queue", "zmq.proxies.broker.frontend=broker-front",
					"zmq.proxies.broker.backend=broker-back")
			.withPropertyValues(curveServer("broker-front", "@tcp://127.0.0.1:" + frontPort, front, client))
			.withPropertyValues(curveServer("broker-back", "@tcp://127.0.0.1:" + backPort, back, worker))
			.run((broker) -> {
				assertThat(broker).hasNotFailed();
				ZmqTestSupport.runner()
					.withBean(Worker.class)
					.withPropertyValues(
							curveClient("work", ">tcp://127.0.0.1:" + backPort, worker, back.getPublicKeyAsZ85()))
					.withPropertyValues(
							curveClient("broker", ">tcp://127.0.0.1:" + frontPort, client, front.getPublicKeyAsZ85()))
					.withPropertyValues(curveClient("stranger", ">tcp://127.0.0.1:" + frontPort, stranger,
							front.getPublicKeyAsZ85()))
					.withPropertyValues("zmq.endpoints.stranger.request-timeout=500ms")
					.run((app) -> {
						assertThat(app).hasNotFailed();
						ZmqTemplate template = app.getBean(ZmqTemplate.class);
						// the worker's connection to the back end may come after the
						// first
						// request
						await().atMost(Duration.ofSeconds(20))
							.ignoreExceptions()
							.untilAsserted(() -> assertThat(
									template.request("broker", "first", String.class, Duration.ofSeconds(2)))
								.isEqualTo("worked first"));
						for (int i = 0; i < 20; i++) {
							assertThat(template.request("broker", "n" + i, String.class, Duration.ofSeconds(5)))
								.isEqualTo("worked n" + i);
						}
						assertThatExceptionOfType(ZmqRequestTimeoutException.class)
							.isThrownBy(() -> template.request("stranger", "hello?", String.class));
						assertThat(template.request("broker", "last", String.class, Duration.ofSeconds(5)))
							.isEqualTo("worked last");
						// the stranger's client keeps reconnecting; its first refusal may
						// come
						// after its request gave up
						await().atMost(Duration.ofSeconds(10))
							.untilAsserted(() -> assertThat(broker.getBean(ZmqAuthenticator.class).refusedHandshakes())
								.isPositive());
					});
			});
	}

	static class Worker {

		@ZmqReplier(value = "work", id = "curve-worker")
		String work(String task) {
			return "worked " + task;
		}

	}

}

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

/**
 * The shortest proof that CURVE works end to end: an allowed template client is served
 * and an unknown one is refused while the allowed one keeps being served.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CurveSmokeTests {

	@Test
	void allowedClientIsServedAndUnknownClientIsRefused() {
		ZCert server = ZmqTestSupport.newCurveCert();
		ZCert client = ZmqTestSupport.newCurveCert();
		ZCert stranger = ZmqTestSupport.newCurveCert();
		int port = ZmqTestSupport.freePort();
		ZmqTestSupport.runner()
			.withBean(EchoReplier.class)
			.withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:" + port, server, client))
			.withPropertyValues(curveClient("client", ">tcp://127.0.0.1:" + port, client, server.getPublicKeyAsZ85()))
			.withPropertyValues(
					curveClient("stranger", ">tcp://127.0.0.1:" + port, stranger, server.getPublicKeyAsZ85()))
			.withPropertyValues("zmq.endpoints.stranger.request-timeout=1s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("client", "one", String.class, Duration.ofSeconds(10)))
					.isEqualTo("echo one");
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request("stranger", "let me in", String.class))
					.withMessageContaining("refused this client's handshake (status 400)")
					.withMessageContaining("zmq.endpoints.stranger.security");
				assertThat(template.request("client", "two", String.class, Duration.ofSeconds(10)))
					.isEqualTo("echo two");
				assertThat(context.getBean(ZmqAuthenticator.class).refusedHandshakes()).isPositive();
				assertThat(zapThreads()).isOne();
			});
		// the handler's thread stops with the application, before the context closes
		assertThat(zapThreads()).isZero();
	}

	private static long zapThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(ZmqAuthenticator.THREAD_NAME) && thread.isAlive())
			.count();
	}

	static class EchoReplier {

		@ZmqReplier(value = "secure", id = "secure-echo")
		String echo(String text) {
			return "echo " + text;
		}

	}

}

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

package io.github.zmqspring.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZCert;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load over CURVE, bounded in size and time: 64 concurrent template callers, each with
 * unique payloads, against a CURVE replier with eight workers; every reply must be the
 * one to its own request.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CurveRequestLoadTests {

	private static final int CALLERS = 64;

	private static final int PER_CALLER = 200;

	private static final Duration BOUND = Duration.ofSeconds(30);

	@Test
	void sixtyFourCurveCallersGetTheirOwnReplyToEveryRequest() throws Exception {
		ZCert server = ZmqTestSupport.newCurveCert();
		ZCert client = ZmqTestSupport.newCurveCert();
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.secure.addresses=@tcp://127.0.0.1:*",
					"zmq.endpoints.secure.security.mechanism=curve",
					"zmq.endpoints.secure.security.curve.secret-key=" + server.getSecretKeyAsZ85(),
					"zmq.endpoints.secure.security.curve.allowed-client-keys=" + client.getPublicKeyAsZ85())
			.withUserConfiguration(CurveReplier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues("zmq.endpoints.server.addresses=>" + address,
							"zmq.endpoints.server.security.mechanism=curve",
							"zmq.endpoints.server.security.curve.secret-key=" + client.getSecretKeyAsZ85(),
							"zmq.endpoints.server.security.curve.server-key=" + server.getPublicKeyAsZ85())
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						AtomicInteger completed = new AtomicInteger();
						AtomicInteger mismatched = new AtomicInteger();
						ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
						long start = System.nanoTime();
						try {
							List<Future<?>> futures = new ArrayList<>();
							for (int c = 0; c < CALLERS; c++) {
								int caller = c;
								futures.add(callers.submit(() -> {
									for (int i = 0; i < PER_CALLER; i++) {
										String request = "caller " + caller + " request " + i;
										String reply = template.request("server", request, String.class,
												Duration.ofSeconds(10));
										if (!("re: " + request).equals(reply)) {
											mismatched.incrementAndGet();
										}
										completed.incrementAndGet();
									}
								}));
							}
							long deadline = start + BOUND.toNanos();
							for (Future<?> future : futures) {
								future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
							}
						}
						finally {
							// no interrupt: a caller inside JeroMQ ends within its 10 s
							// request timeout
							callers.shutdown();
							callers.awaitTermination(15, TimeUnit.SECONDS);
						}
						long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
						assertThat(mismatched.get()).as("mismatched replies").isZero();
						assertThat(completed.get()).isEqualTo(CALLERS * PER_CALLER);
						assertThat(serverApp.getBean(CurveReplier.class).handled.get()).isEqualTo(CALLERS * PER_CALLER);
						System.out.printf(
								"%d CURVE callers x %d requests, replier concurrency 8: %d ms (%d requests/s)%n",
								CALLERS, PER_CALLER, millis, CALLERS * PER_CALLER * 1000L / Math.max(1, millis));
					});
			});
	}

	static class CurveReplier {

		final AtomicInteger handled = new AtomicInteger();

		@ZmqReplier(value = "secure", id = "secure", concurrency = "8")
		String reply(String request) {
			this.handled.incrementAndGet();
			return "re: " + request;
		}

	}

}

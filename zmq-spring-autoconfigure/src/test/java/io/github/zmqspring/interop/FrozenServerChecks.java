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

import java.time.Duration;

import io.github.zmqspring.core.ZmqRequestTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks shared by the tests that freeze one of two servers (SIGSTOP): every request ends
 * up answered by the live one.
 *
 * @author zmq-spring contributors
 */
final class FrozenServerChecks {

	private FrozenServerChecks() {
	}

	/**
	 * Wait until ten requests in a row are answered by the live server (round robin over
	 * two connections cannot give that while the frozen one is still in use), then check
	 * twenty more.
	 * @param live the live server's reply prefix, for example {@code "B"}
	 * @param requester sends one request with the given text and timeout
	 */
	static void awaitOnlyTheLiveServerAnswers(String live, Requester requester) {
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptionsInstanceOf(ZmqRequestTimeoutException.class)
			.untilAsserted(() -> {
				for (int i = 0; i < 10; i++) {
					assertThat(requester.request("y" + i, Duration.ofMillis(500))).isEqualTo(live + ":Y" + i);
				}
			});
		for (int i = 0; i < 20; i++) {
			assertThat(requester.request("z" + i, Duration.ofSeconds(2))).isEqualTo(live + ":Z" + i);
		}
	}

	/**
	 * Sends one request.
	 */
	@FunctionalInterface
	interface Requester {

		String request(String text, Duration timeout);

	}

}

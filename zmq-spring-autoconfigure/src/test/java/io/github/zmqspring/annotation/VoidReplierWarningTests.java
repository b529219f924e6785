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

package io.github.zmqspring.annotation;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.zmqspring.ZmqTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code void} replier answers every request with one empty frame, which is rarely what
 * its author meant: startup says so, once, naming the method.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class VoidReplierWarningTests {

	@Test
	void voidReplierIsWarnedAboutOnceAndAReplierWithAReplyIsNot(CapturedOutput output) {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.fire.addresses=" + ZmqTestSupport.inproc("void-replier"),
					"zmq.endpoints.answer.addresses=" + ZmqTestSupport.inproc("answering-replier"))
			.withBean(Handlers.class)
			.run((context) -> assertThat(context).hasNotFailed());
		String log = output.getAll();
		assertThat(log.split("returns void: every request is answered with one empty frame", -1)).hasSize(2);
		assertThat(log).contains("Handlers.fire(String)")
			.doesNotContain("Handlers.answer(String) on bean 'handlers' (listener 'answer') returns void");
	}

	static class Handlers {

		@ZmqReplier(value = "fire", id = "fire")
		void fire(String request) {
		}

		@ZmqReplier(value = "answer", id = "answer")
		String answer(String request) {
			return request;
		}

	}

}

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

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqRemoteException;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMsg;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.zmqspring.ZmqTestSupport.rawRequestText;
import static io.github.zmqspring.ZmqTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A replier always answers: bad input gets a 400 error reply, a failing handler a 500
 * one, and the listener keeps serving; pullers and subscribers drop what they cannot
 * convert.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqReplierErrorIntegrationTests {

	private static final String BAD_REQUEST = "ZMQ-SPRING-ERROR 400 Bad Request";

	private static final String SERVER_ERROR = "ZMQ-SPRING-ERROR 500 Internal Server Error";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner runner = ZmqTestSupport.runner().withUserConfiguration(Handlers.class);

	@Test
	void garbageToRecordHandlerGetsBadRequestAndNextRequestIsServed() {
		this.runner.run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "record");
			assertThat(rawRequestText(address, new byte[] { 0x00, (byte) 0xff, 0x13, 0x37 })).isEqualTo(BAD_REQUEST);
			assertGoodRecordRequest(address);
		});
	}

	@Test
	void emptyFrameToRecordHandlerIsBadRequestAndToStringHandlerIsEmptyString() {
		this.runner.run((context) -> {
			String record = ZmqTestSupport.boundAddress(context, "record");
			assertThat(rawRequestText(record, new byte[0])).isEqualTo(BAD_REQUEST);
			assertGoodRecordRequest(record);
			String text = ZmqTestSupport.boundAddress(context, "text");
			assertThat(rawRequestText(text, new byte[0])).isEqualTo("length 0");
		});
	}

	@Test
	void hugeFrameToStringHandlerIsServed() {
		this.runner.run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "text");
			// the largest frame the default max-message-size (4 MiB) lets through
			byte[] huge = new byte[4 * 1024 * 1024];
			Arrays.fill(huge, (byte) 'a');
			assertThat(rawRequestText(address, huge)).isEqualTo("length " + huge.length);
			assertThat(rawRequestText(address, utf8("abc"))).isEqualTo("length 3");
		});
	}

	@Test
	void invalidUtf8ToStringHandlerIsBadRequest() {
		this.runner.run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "text");
			assertThat(rawRequestText(address, new byte[] { 'a', (byte) 0xc3, 0x28, (byte) 0xff }))
				.isEqualTo(BAD_REQUEST);
			assertThat(rawRequestText(address, utf8("gr\u00fc\u00dfe"))).isEqualTo("length 5");
		});
	}

	@Test
	void multipartRequestToStringHandlerIsBadRequest() {
		this.runner.run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "text");
			assertThat(rawRequestText(address, utf8("one"), utf8("two"))).isEqualTo(BAD_REQUEST);
			assertThat(rawRequestText(address, utf8("one"))).isEqualTo("length 3");
		});
	}

	@Test
	void wrongJsonShapeIsBadRequest() {
		this.runner.run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "record");
			assertThat(rawRequestText(address, utf8("[1, 2, 3]"))).isEqualTo(BAD_REQUEST);
			assertThat(rawRequestText(address, utf8("{\"name\": \"Ann\", \"age\": \"old\"}"))).isEqualTo(BAD_REQUEST);
			assertThat(rawRequestText(address, utf8("{\"name\": \"Ann\""))).isEqualTo(BAD_REQUEST);
			assertGoodRecordRequest(address);
		});
	}

	@Test
	void failingHandlerGetsServerErrorWithoutItsMessage() {
		this.runner.run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "failing");
			String reply = rawRequestText(address, utf8("fail"));
			assertThat(reply).isEqualTo(SERVER_ERROR).doesNotContain("secret");
			assertThat(rawRequestText(address, utf8("hello"))).isEqualTo("ok hello");
		});
	}

	@Test
	void failingHandlerMessageIsAppendedWhenEnabled() {
		this.runner.withPropertyValues("zmq.listener.include-error-message=true").run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "failing");
			assertThat(rawRequestText(address, utf8("fail"))).isEqualTo(SERVER_ERROR + ": secret detail");
			assertThat(rawRequestText(address, utf8("hello"))).isEqualTo("ok hello");
		});
	}

	@Test
	void templateRaisesRemoteExceptionWithStatus() {
		this.runner.run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String record = ZmqTestSupport.connectTo(context, "record");
			assertThatExceptionOfType(ZmqRemoteException.class)
				.isThrownBy(() -> template.request(record, "not json", Greeting.class, TIMEOUT))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(400))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("Bad Request"));
			assertThat(template.request(record, new Person("Ann", 30), Greeting.class, TIMEOUT))
				.isEqualTo(new Greeting("Hello Ann", 31));
			String failing = ZmqTestSupport.connectTo(context, "failing");
			assertThatExceptionOfType(ZmqRemoteException.class)
				.isThrownBy(() -> template.request(failing, "fail", String.class, TIMEOUT))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500))
				.satisfies((ex) -> assertThat(ex.getDetail()).isNull())
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret"));
			assertThat(template.request(failing, "again", String.class, TIMEOUT)).isEqualTo("ok again");
		});
	}

	@Test
	void pullerDropsWhatItCannotConvertAndKeepsServing() {
		this.runner.run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "pull");
			ZMsg multipart = new ZMsg();
			multipart.add("one");
			multipart.add("two");
			template.push(target, multipart);
			template.push(target, new byte[] { (byte) 0xff, (byte) 0xfe });
			template.push(target, "good");
			BlockingQueue<String> received = context.getBean(Handlers.class).pulled;
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("good");
			assertThat(received).isEmpty();
		});
	}

	@Test
	void subscriberDropsWhatItCannotConvertAndKeepsServing() {
		this.runner.run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			String target = ZmqTestSupport.connectTo(context, "sub");
			BlockingQueue<String> received = context.getBean(Handlers.class).published;
			await().atMost(TIMEOUT).untilAsserted(() -> {
				template.publish(target, "t", "warmup");
				assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNotNull();
			});
			ZMsg multipart = new ZMsg();
			multipart.add("one");
			multipart.add("two");
			template.publish(target, "t", multipart);
			template.publish(target, "t", new byte[] { (byte) 0xff, (byte) 0xfe });
			template.publish(target, "t", "good");
			await().atMost(TIMEOUT).untilAsserted(() -> {
				String next = received.poll(100, TimeUnit.MILLISECONDS);
				assertThat(next).isNotNull().isNotEqualTo("warmup");
				assertThat(next).isEqualTo("good");
			});
		});
	}

	private static void assertGoodRecordRequest(String address) {
		assertThat(rawRequestText(address, utf8("{\"name\":\"Bob\",\"age\":41}")))
			.isEqualTo("{\"text\":\"Hello Bob\",\"nextAge\":42}");
	}

	record Person(String name, int age) {
	}

	record Greeting(String text, int nextAge) {
	}

	static class Handlers {

		final BlockingQueue<String> pulled = new LinkedBlockingQueue<>();

		final BlockingQueue<String> published = new LinkedBlockingQueue<>();

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "record")
		Greeting greet(Person person) {
			return new Greeting("Hello " + person.name(), person.age() + 1);
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "text")
		String length(String text) {
			return "length " + text.length();
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "failing")
		String failing(String text) {
			if ("fail".equals(text)) {
				throw new IllegalStateException("secret detail");
			}
			return "ok " + text;
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "pull")
		void pull(String text) {
			this.pulled.add(text);
		}

		@ZmqSubscriber(value = "@tcp://127.0.0.1:*", id = "sub", topics = "t")
		void subscribe(String text) {
			this.published.add(text);
		}

	}

}

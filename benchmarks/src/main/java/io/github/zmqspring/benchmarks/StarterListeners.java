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

package io.github.zmqspring.benchmarks;

import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.benchmarks.PayloadKind.Quote;

/**
 * The annotated listeners the starter benchmarks measure, one class per pattern and
 * payload type, each bound to the endpoint {@value StarterFixture#IN} with the listener
 * id {@value StarterFixture#LISTENER_ID}. Receivers count into the {@link MessageCounter}
 * bean.
 *
 * @author zmq-spring contributors
 */
public final class StarterListeners {

	private StarterListeners() {
	}

	/**
	 * Return the listener class of a pattern and payload kind.
	 * @param pattern {@code pull}, {@code sub} or {@code rep}
	 * @param kind the payload kind
	 * @return the class
	 */
	public static Class<?> of(String pattern, PayloadKind kind) {
		return switch (pattern + "-" + kind) {
			case "pull-BYTES" -> BytesPuller.class;
			case "pull-STRING" -> StringPuller.class;
			case "pull-JSON" -> JsonPuller.class;
			case "sub-BYTES" -> BytesSubscriber.class;
			case "sub-STRING" -> StringSubscriber.class;
			case "sub-JSON" -> JsonSubscriber.class;
			case "rep-BYTES" -> BytesReplier.class;
			case "rep-STRING" -> StringReplier.class;
			case "rep-JSON" -> JsonReplier.class;
			default -> throw new IllegalArgumentException(pattern + "-" + kind);
		};
	}

	/**
	 * Base of the counting listeners.
	 */
	abstract static class Counting {

		final MessageCounter counter;

		Counting(MessageCounter counter) {
			this.counter = counter;
		}

	}

	public static class BytesPuller extends Counting {

		public BytesPuller(MessageCounter counter) {
			super(counter);
		}

		@ZmqPuller(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID)
		public void pull(byte[] payload) {
			this.counter.received(payload);
		}

	}

	public static class StringPuller extends Counting {

		public StringPuller(MessageCounter counter) {
			super(counter);
		}

		@ZmqPuller(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID)
		public void pull(String payload) {
			this.counter.received(payload);
		}

	}

	public static class JsonPuller extends Counting {

		public JsonPuller(MessageCounter counter) {
			super(counter);
		}

		@ZmqPuller(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID)
		public void pull(Quote payload) {
			this.counter.received(payload);
		}

	}

	public static class BytesSubscriber extends Counting {

		public BytesSubscriber(MessageCounter counter) {
			super(counter);
		}

		@ZmqSubscriber(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID, topics = StarterFixture.TOPIC)
		public void receive(byte[] payload) {
			this.counter.received(payload);
		}

	}

	public static class StringSubscriber extends Counting {

		public StringSubscriber(MessageCounter counter) {
			super(counter);
		}

		@ZmqSubscriber(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID, topics = StarterFixture.TOPIC)
		public void receive(String payload) {
			this.counter.received(payload);
		}

	}

	public static class JsonSubscriber extends Counting {

		public JsonSubscriber(MessageCounter counter) {
			super(counter);
		}

		@ZmqSubscriber(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID, topics = StarterFixture.TOPIC)
		public void receive(Quote payload) {
			this.counter.received(payload);
		}

	}

	public static class BytesReplier {

		@ZmqReplier(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID)
		public byte[] reply(byte[] request) {
			return request;
		}

	}

	public static class StringReplier {

		@ZmqReplier(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID)
		public String reply(String request) {
			return request;
		}

	}

	public static class JsonReplier {

		@ZmqReplier(value = StarterFixture.IN, id = StarterFixture.LISTENER_ID)
		public Quote reply(Quote request) {
			return request;
		}

	}

}

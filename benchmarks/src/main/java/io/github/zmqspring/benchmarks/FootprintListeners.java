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

/**
 * Ten annotated listeners (four repliers, three subscribers, three pullers), each bound
 * to its own tcp loopback port, for the footprint measurements.
 *
 * @author zmq-spring contributors
 */
public class FootprintListeners {

	private static final String ANY_PORT = "@tcp://127.0.0.1:*";

	@ZmqReplier(ANY_PORT)
	public String reply1(String request) {
		return request;
	}

	@ZmqReplier(ANY_PORT)
	public String reply2(String request) {
		return request;
	}

	@ZmqReplier(ANY_PORT)
	public byte[] reply3(byte[] request) {
		return request;
	}

	@ZmqReplier(ANY_PORT)
	public byte[] reply4(byte[] request) {
		return request;
	}

	@ZmqSubscriber(value = ANY_PORT, topics = "a")
	public void subscribe1(String payload) {
	}

	@ZmqSubscriber(value = ANY_PORT, topics = "b")
	public void subscribe2(String payload) {
	}

	@ZmqSubscriber(value = ANY_PORT, topics = "c")
	public void subscribe3(byte[] payload) {
	}

	@ZmqPuller(ANY_PORT)
	public void pull1(String payload) {
	}

	@ZmqPuller(ANY_PORT)
	public void pull2(String payload) {
	}

	@ZmqPuller(ANY_PORT)
	public void pull3(byte[] payload) {
	}

}

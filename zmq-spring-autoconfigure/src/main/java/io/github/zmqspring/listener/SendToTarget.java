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

import org.jspecify.annotations.Nullable;

/**
 * Where a puller's or subscriber's return value goes ({@code @SendTo}).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface SendToTarget {

	/**
	 * Send a listener's result onward.
	 * @param topic the topic of the received message when it arrived with a topic frame,
	 * else {@code null}
	 * @param result the non-null return value
	 * @return how many bytes the message sent had, all frames (for metrics)
	 */
	long send(@Nullable String topic, Object result);

}

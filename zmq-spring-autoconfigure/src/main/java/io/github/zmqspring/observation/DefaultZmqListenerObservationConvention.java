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

package io.github.zmqspring.observation;

import io.micrometer.common.KeyValues;

import io.github.zmqspring.observation.ZmqListenerObservation.ListenerLowCardinalityTags;

/**
 * The default {@link ZmqListenerObservationConvention}: low-cardinality key values only,
 * all taken from configuration ({@code listener.id}, {@code listener.type},
 * {@code endpoint}) plus the {@code outcome} ({@code success} or {@code error}); nothing
 * derived from a payload or a peer.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class DefaultZmqListenerObservationConvention implements ZmqListenerObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultZmqListenerObservationConvention INSTANCE = new DefaultZmqListenerObservationConvention();

	@Override
	public KeyValues getLowCardinalityKeyValues(ZmqListenerObservationContext context) {
		return KeyValues.of(ListenerLowCardinalityTags.LISTENER_ID.withValue(context.getListenerId()),
				ListenerLowCardinalityTags.LISTENER_TYPE.withValue(context.getListenerType()),
				ListenerLowCardinalityTags.ENDPOINT.withValue(context.getEndpoint()),
				ListenerLowCardinalityTags.OUTCOME.withValue((context.getError() != null) ? "error" : "success"));
	}

	@Override
	public String getContextualName(ZmqListenerObservationContext context) {
		return context.getEndpoint() + " process";
	}

}

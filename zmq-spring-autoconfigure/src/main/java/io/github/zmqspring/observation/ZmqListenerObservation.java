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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation around each invocation of a listener's method ({@code @ZmqReplier},
 * {@code @ZmqSubscriber}, {@code @ZmqPuller}): it covers the payload conversion, the
 * method, and sending its reply or {@code @SendTo} result.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum ZmqListenerObservation implements ObservationDocumentation {

	/**
	 * One message handled by a listener.
	 */
	LISTENER_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultZmqListenerObservationConvention.class;
		}

		@Override
		public String getName() {
			return "zmq.listener";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ListenerLowCardinalityTags.values();
		}

	};

	/**
	 * The low-cardinality keys of {@link #LISTENER_OBSERVATION}.
	 */
	public enum ListenerLowCardinalityTags implements KeyName {

		/**
		 * The listener id.
		 */
		LISTENER_ID {

			@Override
			public String asString() {
				return "listener.id";
			}

		},

		/**
		 * The listener type: {@code replier}, {@code subscriber} or {@code puller}.
		 */
		LISTENER_TYPE {

			@Override
			public String asString() {
				return "listener.type";
			}

		},

		/**
		 * The endpoint name, or the addresses as written for an inline endpoint.
		 */
		ENDPOINT {

			@Override
			public String asString() {
				return "endpoint";
			}

		},

		/**
		 * {@code success}, or {@code error} when the method threw, the message could not
		 * be converted, or a replier's return value could not be written.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

}

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
 * The observation around each {@code ZmqTemplate} operation, on the caller's side: a
 * request from the call until its reply is decoded or it failed (retries included), a
 * publish or push until the message is queued for (or, when a push must wait, handed to)
 * a socket.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public enum ZmqTemplateObservation implements ObservationDocumentation {

	/**
	 * One template operation.
	 */
	TEMPLATE_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultZmqTemplateObservationConvention.class;
		}

		@Override
		public String getName() {
			return "zmq.template";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TemplateLowCardinalityTags.values();
		}

	};

	/**
	 * The low-cardinality keys of {@link #TEMPLATE_OBSERVATION}.
	 */
	public enum TemplateLowCardinalityTags implements KeyName {

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
		 * {@code request}, {@code publish} or {@code push}.
		 */
		OPERATION {

			@Override
			public String asString() {
				return "operation";
			}

		},

		/**
		 * {@code success}, {@code timeout}, {@code remote_error} or {@code error}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

}

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
import org.jspecify.annotations.Nullable;

import io.github.zmqspring.core.ZmqRemoteException;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.observation.ZmqTemplateObservation.TemplateLowCardinalityTags;

/**
 * The default {@link ZmqTemplateObservationConvention}: low-cardinality key values only,
 * {@code endpoint} and {@code operation} from the caller's code or configuration, and the
 * {@code outcome}: {@code success}, {@code timeout} (no reply in time, retries included),
 * {@code remote_error} (the replier answered with an error reply) or {@code error}
 * (anything else: the message could not be sent or converted).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class DefaultZmqTemplateObservationConvention implements ZmqTemplateObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultZmqTemplateObservationConvention INSTANCE = new DefaultZmqTemplateObservationConvention();

	@Override
	public KeyValues getLowCardinalityKeyValues(ZmqTemplateObservationContext context) {
		return KeyValues.of(TemplateLowCardinalityTags.ENDPOINT.withValue(context.getEndpoint()),
				TemplateLowCardinalityTags.OPERATION.withValue(context.getOperation()),
				TemplateLowCardinalityTags.OUTCOME.withValue(outcome(context.getError())));
	}

	@Override
	public String getContextualName(ZmqTemplateObservationContext context) {
		return context.getEndpoint() + " " + context.getOperation();
	}

	/**
	 * Return the outcome of an operation from its failure.
	 * @param error the failure, {@code null} for none
	 * @return {@code success}, {@code timeout}, {@code remote_error} or {@code error}
	 */
	protected String outcome(@Nullable Throwable error) {
		if (error == null) {
			return "success";
		}
		if (error instanceof ZmqRequestTimeoutException) {
			return "timeout";
		}
		if (error instanceof ZmqRemoteException) {
			return "remote_error";
		}
		return "error";
	}

}

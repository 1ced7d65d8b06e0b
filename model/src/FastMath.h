#pragma once

// Float activations for the hand-written LSTM cells (the fused training layer and the
// continuation's note loop): both must use the same tanh so that their outputs agree.

namespace biaxial {

// Eigen's rational approximation of float tanh: vectorises, ~1e-7 from std::tanh.
inline float rationalTanh(float x) {
    const float c = 7.90531110763549805f;
    x = x > c ? c : (x < -c ? -c : x);
    const float x2 = x * x;
    float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
    p = p * x2 + -8.60467152213735e-11f;
    p = p * x2 + 5.12229709037114e-08f;
    p = p * x2 + 1.48572235717979e-05f;
    p = p * x2 + 6.37261928875436e-04f;
    p = p * x2 + 4.89352455891786e-03f;
    p = p * x;
    float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
    q = q * x2 + 2.26843463243900e-03f;
    q = q * x2 + 4.89352518554385e-03f;
    return p / q;
}

// sigmoid(x) = (1 + tanh(x / 2)) / 2, through the same tanh.
inline float rationalSigmoid(float x) {
    return 0.5f + 0.5f * rationalTanh(0.5f * x);
}

}  // namespace biaxial
